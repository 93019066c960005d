package dev.retort.internal.schema;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.SecretMasker;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.Databases;
import dev.retort.internal.database.ScratchHost;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch server autogenerate and check build their two throwaway databases on. Each database
 * is named {@code retort_scratch_<epoch-seconds>_<random>} (the creation time in the name lets a
 * later run find and drop what a killed run left behind) and made by the engine's
 * {@link ScratchHost}: {@code CREATE DATABASE} on PostgreSQL and MariaDB/MySQL, reached through a
 * database that is never the application's (PostgreSQL's {@code postgres}, none on MariaDB/MySQL);
 * in-memory databases in the URL's {@code MODE} on H2; files in the temporary directory on SQLite.
 */
public final class ScratchServer {

	/** The prefix of every scratch database name. */
	public static final String PREFIX = ScratchHost.PREFIX;

	/** A scratch database older than this is a leftover of a killed run. */
	public static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

	private static final Logger logger = LoggerFactory.getLogger(ScratchServer.class);

	private static final Pattern SCRATCH_NAME = Pattern.compile(PREFIX + "([0-9]+)_[0-9a-f]+");

	private final @Nullable String user;

	private final @Nullable String password;

	private final Database database;

	private final ScratchHost host;

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
		this.user = user;
		this.password = password;
		this.clock = clock;
		this.masker = SecretMasker.of(Collections.singletonList(password));
		this.database = databaseOf(url);
		this.host = this.database.scratchHost(url);
	}

	/** A scratch server on the system clock. */
	public ScratchServer(String url, @Nullable String user, @Nullable String password) {
		this(url, user, password, Clock.systemUTC());
	}

	/** The engine. */
	public Database database() {
		return this.database;
	}

	/**
	 * Names the two databases of a run without creating them, so that each side of the run can
	 * create its own and start on it at once ({@link ScratchDatabases#createCurrent()},
	 * {@link ScratchDatabases#createWanted()}). Closing drops whichever exist; so does the shutdown
	 * hook. The caller also calls {@link #dropLeftovers()}.
	 * @throws RetortException {@link ErrorCode#SCRATCH_DATABASE_UNAVAILABLE} from the creations when
	 * the server cannot be reached or the user may not create databases
	 */
	public ScratchDatabases reserve() {
		return new ScratchDatabases(this, this.host.urlOf(newName()), this.host.urlOf(newName()));
	}

	/** The names of the scratch databases on the server now (empty for in-memory ones). */
	public List<String> scratchDatabases() {
		try {
			return this.host.list(this::connect);
		}
		catch (SQLException ex) {
			throw unavailable("Cannot list the scratch databases on " + masked(this.host.serverUrl()) + ": "
					+ ex.getMessage(), ex);
		}
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

	/** Drops one scratch database, given by name or by its JDBC URL. */
	void drop(String nameOrUrl) {
		String name = nameOf(nameOrUrl);
		requireScratchName(name);
		try {
			this.host.drop(name, this::connect);
		}
		catch (SQLException ex) {
			throw unavailable("Cannot drop scratch database " + name + " on " + masked(this.host.serverUrl()) + ": "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Connects to a scratch database or the server.
	 * @throws RetortException {@link ErrorCode#SCRATCH_DATABASE_UNAVAILABLE} when it cannot
	 */
	Connection connect(String jdbcUrl) {
		Properties properties = new Properties();
		if (this.user != null) {
			properties.setProperty("user", this.user);
		}
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		try {
			return DriverManager.getConnection(jdbcUrl, properties);
		}
		catch (SQLException ex) {
			throw unavailable("Cannot connect to the scratch server " + masked(jdbcUrl) + ": " + ex.getMessage()
					+ ". Start it, or set retort.scratchUrl (CLI: --scratch-url) to the JDBC URL of a server of the"
					+ " same engine where the user may create databases", ex);
		}
	}

	String masked(String jdbcUrl) {
		return this.masker.mask(jdbcUrl);
	}

	// ---------------------------------------------------------------- internals

	/** Creates one scratch database, given by name or by its JDBC URL. */
	void create(String nameOrUrl) {
		String name = nameOf(nameOrUrl);
		requireScratchName(name);
		try {
			this.host.create(name, this::connect);
		}
		catch (SQLException ex) {
			throw unavailable("User " + describeUser() + " cannot create scratch database " + name + " on "
					+ masked(this.host.serverUrl()) + ": " + ex.getMessage() + ". Autogenerate and check need a server"
					+ " where they may create and drop databases: grant that (" + this.host.createAdvice()
					+ ") or point retort.scratchUrl (CLI: --scratch-url) at another server", ex);
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

	private static String nameOf(String nameOrUrl) {
		if (nameOrUrl.startsWith("jdbc:")) {
			Matcher m = Pattern.compile(PREFIX + "[0-9]+_[0-9a-f]+").matcher(nameOrUrl);
			return m.find() ? m.group() : nameOrUrl;
		}
		return nameOrUrl;
	}

	private static void requireScratchName(String name) {
		if (!SCRATCH_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a scratch database name: " + name);
		}
	}

	private static Database databaseOf(String url) {
		try {
			return Databases.fromUrl(url);
		}
		catch (RetortException ex) {
			throw unavailable("The scratch server URL " + SecretMasker.PATTERNS_ONLY.mask(url) + " is not a JDBC URL"
					+ " of a supported database (" + String.join(", ", Databases.NAMES)
					+ "); set retort.scratchUrl (CLI: --scratch-url)", ex);
		}
	}

	private static RetortException unavailable(String message, @Nullable Throwable cause) {
		return new RetortException(CoreErrorCode.SCRATCH_DATABASE_UNAVAILABLE, message, cause);
	}
}
