package dev.retort.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Gives each test a database of its own. PostgreSQL and MariaDB come from
 * {@code RETORT_TEST_POSTGRES_URL} / {@code RETORT_TEST_MARIADB_URL} when set (a JDBC URL of a server
 * where the user may create databases), else from a local server on its standard port when one
 * answers ({@link #LOCAL_POSTGRES}, {@link #LOCAL_MARIADB}), else from Testcontainers when Docker is
 * available, else the test fails with a message saying how to provide one. H2 and SQLite (a file in
 * a temporary directory of its own) need nothing.
 */
public final class TestDatabases {

	/** The local PostgreSQL tried when no variable is set: standard port, user {@code postgres}. */
	static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

	/** The local MariaDB tried when no variable is set: standard port, user {@code root}, no password. */
	static final String LOCAL_MARIADB = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root";

	/** Server URLs by kind, resolved once per JVM (a Testcontainers container is started at most once). */
	private static final ConcurrentMap<DatabaseKind, String> SERVERS = new ConcurrentHashMap<>();

	private TestDatabases() {
	}

	/** A fresh, empty database of the given kind; close it to drop it. */
	public static TestDatabase create(DatabaseKind kind) {
		String name = "rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		return switch (kind) {
			case H2 -> new TestDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", () -> {
				try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
						Statement s = c.createStatement()) {
					s.execute("SHUTDOWN");
				}
			});
			case POSTGRES -> serverDatabase(kind, name);
			case MARIADB -> serverDatabase(kind, name);
			case SQLITE -> sqliteDatabase(name);
		};
	}

	/** A file in the temporary directory; closing deletes it and SQLite's journal files beside it. */
	private static TestDatabase sqliteDatabase(String name) {
		try {
			Path directory = Files.createTempDirectory("retort-sqlite-");
			Path file = directory.resolve(name + ".db");
			return new TestDatabase(DatabaseKind.SQLITE, name, "jdbc:sqlite:" + file, "", "", () -> {
				try (Stream<Path> files = Files.list(directory)) {
					for (Path each : files.toList()) {
						Files.deleteIfExists(each);
					}
				}
				Files.deleteIfExists(directory);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a temporary directory for a SQLite test database", ex);
		}
	}

	private static TestDatabase serverDatabase(DatabaseKind kind, String name) {
		String adminUrl = SERVERS.computeIfAbsent(kind, TestDatabases::locateServer);
		JdbcUrl admin = JdbcUrl.parse(adminUrl);
		try (Connection c = DriverManager.getConnection(adminUrl, admin.user(), admin.password());
				Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test database " + name + " on " + admin.masked() + ": "
					+ ex.getMessage(), ex);
		}
		String url = admin.withDatabase(name);
		return new TestDatabase(kind, name, url, admin.user(), admin.password(), () -> {
			try (Connection c = DriverManager.getConnection(adminUrl, admin.user(), admin.password());
					Statement s = c.createStatement()) {
				if (kind == DatabaseKind.POSTGRES) {
					s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
							+ "' AND pid <> pg_backend_pid()");
				}
				s.execute("DROP DATABASE IF EXISTS " + name);
			}
		});
	}

	private static String locateServer(DatabaseKind kind) {
		String variable = "RETORT_TEST_" + kind.name() + "_URL";
		String fromEnv = System.getenv(variable);
		if (fromEnv != null && !fromEnv.isBlank()) {
			return fromEnv;
		}
		String local = (kind == DatabaseKind.POSTGRES) ? LOCAL_POSTGRES : LOCAL_MARIADB;
		if (answers(local)) {
			return local;
		}
		if (Containers.dockerAvailable()) {
			return Containers.start(kind);
		}
		throw new IllegalStateException("No " + kind.name().toLowerCase(Locale.ROOT) + " server for tests: set "
				+ variable + " to a JDBC URL of a server where the user may create databases, run one on its"
				+ " standard port (tried " + local + "), or make Docker available for Testcontainers.");
	}

	/** Whether a server answers at this URL within a couple of seconds (a refused port answers at once). */
	private static boolean answers(String url) {
		JdbcUrl parsed = JdbcUrl.parse(url);
		int previous = DriverManager.getLoginTimeout();
		DriverManager.setLoginTimeout(3);
		try (Connection c = DriverManager.getConnection(url, parsed.user(), parsed.password())) {
			return c.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
		finally {
			DriverManager.setLoginTimeout(previous);
		}
	}

}
