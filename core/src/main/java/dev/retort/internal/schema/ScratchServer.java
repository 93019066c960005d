package dev.retort.internal.schema;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.SecretMasker;
import dev.retort.internal.database.DialectKind;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch server autogenerate and check build their two throwaway databases on. PostgreSQL and
 * MariaDB/MySQL get {@code CREATE DATABASE retort_scratch_<epoch-seconds>_<random>} (the creation
 * time in the name lets a later run find and drop what a killed run left behind); H2 gets two
 * in-memory databases in the URL's {@code MODE} and other compatibility settings. The application's
 * own database is never connected to: on PostgreSQL the server is reached through its
 * {@code postgres} maintenance database, on MariaDB/MySQL without a database.
 */
public final class ScratchServer {

	/** The prefix of every scratch database name. */
	public static final String PREFIX = "retort_scratch_";

	/** A scratch database older than this is a leftover of a killed run. */
	public static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

	private static final Logger logger = LoggerFactory.getLogger(ScratchServer.class);

	private static final Pattern SERVER_URL = Pattern
		.compile("(jdbc:(?:postgresql|mariadb|mysql)://[^/?;]*)(?:/([^?;]*))?([?;].*)?");

	private static final Pattern SCRATCH_NAME = Pattern.compile(PREFIX + "([0-9]+)_[0-9a-f]+");

	/** H2 settings that decide how SQL is read, kept for the scratch databases. */
	private static final List<String> H2_SETTINGS = List.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
			"CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING", "IGNORECASE");

	private final String url;

	private final @Nullable String user;

	private final @Nullable String password;

	private final DialectKind kind;

	private final Clock clock;

	private final SecretMasker masker;

	/**
	 * A scratch server.
	 * @param url a JDBC URL of the server (any database of it; only the server is used)
	 * @param user the user, or {@code null} if in the URL
	 * @param password the password, or {@code null}
	 * @param clock the clock leftovers are judged by
	 */
	public ScratchServer(String url, @Nullable String user, @Nullable String password, Clock clock) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.clock = clock;
		this.masker = SecretMasker.of(java.util.Collections.singletonList(password));
		this.kind = kindOf(url);
	}

	/** A scratch server on the system clock. */
	public ScratchServer(String url, @Nullable String user, @Nullable String password) {
		this(url, user, password, Clock.systemUTC());
	}

	/** The engine. */
	public DialectKind kind() {
		return this.kind;
	}

	/**
	 * Drops leftovers of killed runs, then creates the two empty databases.
	 * @throws RetortException {@link ErrorCode#SCRATCH_DATABASE_UNAVAILABLE} when the server cannot be
	 * reached or the user may not create databases
	 */
	public ScratchDatabases open() {
		if (this.kind == DialectKind.H2) {
			return new ScratchDatabases(this, h2Url(newName()), h2Url(newName()));
		}
		dropLeftovers();
		String current = newName();
		create(current);
		String wanted = newName();
		try {
			create(wanted);
		}
		catch (RuntimeException ex) {
			drop(current);
			throw ex;
		}
		return new ScratchDatabases(this, serverUrl(current), serverUrl(wanted));
	}

	/** The names of the scratch databases on the server now (empty for H2). */
	public List<String> scratchDatabases() {
		if (this.kind == DialectKind.H2) {
			return List.of();
		}
		String sql = (this.kind == DialectKind.POSTGRESQL)
				? "SELECT datname FROM pg_database WHERE datname LIKE 'retort\\_scratch\\_%' ORDER BY datname"
				: "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'retort\\_scratch\\_%'"
						+ " ORDER BY SCHEMA_NAME";
		List<String> names = new ArrayList<>();
		try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw unavailable("Cannot list the scratch databases on " + masked(adminUrl()) + ": " + ex.getMessage(), ex);
		}
		return names;
	}

	/** Drops scratch databases older than {@link #LEFTOVER_AGE}: what killed runs left behind. */
	public void dropLeftovers() {
		long now = this.clock.instant().getEpochSecond();
		for (String name : scratchDatabases()) {
			Matcher m = SCRATCH_NAME.matcher(name);
			if (m.matches() && now - Long.parseLong(m.group(1)) > LEFTOVER_AGE.toSeconds()) {
				logger.info("Dropping scratch database {} left behind by an earlier run", name);
				try {
					drop(name);
				}
				catch (RetortException ex) {
					logger.warn("Cannot drop leftover scratch database {}: {}", name, ex.getMessage());
				}
			}
		}
	}

	// ---------------------------------------------------------------- used by ScratchDatabases

	@Nullable String user() {
		return this.user;
	}

	@Nullable String password() {
		return this.password;
	}

	/** Drops one scratch database (H2: shuts the in-memory database down). */
	void drop(String nameOrUrl) {
		if (this.kind == DialectKind.H2) {
			try (Connection c = connect(nameOrUrl); Statement s = c.createStatement()) {
				s.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				throw unavailable("Cannot shut down scratch database " + nameOrUrl + ": " + ex.getMessage(), ex);
			}
			return;
		}
		String name = nameOrUrl.startsWith("jdbc:") ? databaseOf(nameOrUrl) : nameOrUrl;
		requireScratchName(name);
		try (Connection c = admin(); Statement s = c.createStatement()) {
			if (this.kind == DialectKind.POSTGRESQL) {
				s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
						+ "' AND pid <> pg_backend_pid()");
			}
			s.execute("DROP DATABASE IF EXISTS " + name);
		}
		catch (SQLException ex) {
			throw unavailable("Cannot drop scratch database " + name + " on " + masked(adminUrl()) + ": "
					+ ex.getMessage(), ex);
		}
	}

	Connection connect(String jdbcUrl) throws SQLException {
		Properties properties = new Properties();
		if (this.user != null) {
			properties.setProperty("user", this.user);
		}
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		return DriverManager.getConnection(jdbcUrl, properties);
	}

	String masked(String jdbcUrl) {
		return this.masker.mask(jdbcUrl);
	}

	// ---------------------------------------------------------------- internals

	private void create(String name) {
		requireScratchName(name);
		try (Connection c = admin(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
			if (this.kind == DialectKind.POSTGRESQL) {
				// A throwaway database needs no durable commits: the replay commits once per revision and
				// the model once per statement, each waiting for a WAL flush otherwise (most of check's time).
				s.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
			}
		}
		catch (SQLException ex) {
			throw unavailable("User " + describeUser() + " cannot create scratch database " + name + " on "
					+ masked(adminUrl()) + ": " + ex.getMessage() + ". Autogenerate and check need a server where they"
					+ " may create and drop databases: grant that (PostgreSQL CREATEDB, MariaDB/MySQL CREATE and DROP"
					+ " on retort\\_scratch\\_%) or point retort.scratchUrl (CLI: --scratch-url) at another server", ex);
		}
	}

	private Connection admin() throws SQLException {
		try {
			return connect(adminUrl());
		}
		catch (SQLException ex) {
			throw unavailable("Cannot connect to the scratch server " + masked(adminUrl()) + ": " + ex.getMessage()
					+ ". Start it, or set retort.scratchUrl (CLI: --scratch-url) to the JDBC URL of a server of the"
					+ " same engine where the user may create databases", ex);
		}
	}

	private String describeUser() {
		return (this.user != null) ? this.user : "(from the URL)";
	}

	private String newName() {
		byte[] random = new byte[4];
		new SecureRandom().nextBytes(random);
		return PREFIX + this.clock.instant().getEpochSecond() + "_" + HexFormat.of().formatHex(random);
	}

	private static void requireScratchName(String name) {
		if (!SCRATCH_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a scratch database name: " + name);
		}
	}

	/** The server reached through its maintenance database (PostgreSQL) or no database (MariaDB/MySQL). */
	String adminUrl() {
		return withDatabase((this.kind == DialectKind.POSTGRESQL) ? "postgres" : "");
	}

	private String serverUrl(String database) {
		return withDatabase(database);
	}

	private String withDatabase(String database) {
		Matcher m = SERVER_URL.matcher(this.url);
		if (!m.matches()) {
			throw unavailable("Cannot read the scratch server URL " + masked(this.url)
					+ "; set retort.scratchUrl (CLI: --scratch-url) to jdbc:postgresql://host:port/db or"
					+ " jdbc:mariadb://host:port/db", null);
		}
		return m.group(1) + "/" + database + ((m.group(3) != null) ? m.group(3) : "");
	}

	private static String databaseOf(String jdbcUrl) {
		Matcher m = SERVER_URL.matcher(jdbcUrl);
		return (m.matches() && m.group(2) != null) ? m.group(2) : "";
	}

	private String h2Url(String name) {
		StringBuilder scratch = new StringBuilder("jdbc:h2:mem:").append(name).append(";DB_CLOSE_DELAY=-1");
		String[] parts = this.url.split(";");
		for (int i = 1; i < parts.length; i++) {
			String key = parts[i].split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
			if (H2_SETTINGS.contains(key)) {
				scratch.append(';').append(parts[i].strip());
			}
		}
		return scratch.toString();
	}

	private static DialectKind kindOf(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:h2:")) {
			return DialectKind.H2;
		}
		if (lower.startsWith("jdbc:postgresql:")) {
			return DialectKind.POSTGRESQL;
		}
		if (lower.startsWith("jdbc:mariadb:")) {
			return DialectKind.MARIADB;
		}
		if (lower.startsWith("jdbc:mysql:")) {
			return DialectKind.MYSQL;
		}
		throw unavailable("The scratch server URL " + SecretMasker.PATTERNS_ONLY.mask(url)
				+ " is not a PostgreSQL, MariaDB, MySQL or H2 JDBC URL; set retort.scratchUrl (CLI: --scratch-url)", null);
	}

	private static RetortException unavailable(String message, @Nullable Throwable cause) {
		return new RetortException(CoreErrorCode.SCRATCH_DATABASE_UNAVAILABLE, message, cause);
	}
}
