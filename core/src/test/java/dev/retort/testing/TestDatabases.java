package dev.retort.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Gives each test a database of its own. PostgreSQL and MariaDB come from
 * {@code RETORT_TEST_POSTGRES_URL} / {@code RETORT_TEST_MARIADB_URL} when set (a JDBC URL of a server
 * where the user may create databases), else from Testcontainers when Docker is available, else the
 * test fails with a message saying how to provide one. H2 needs nothing.
 */
public final class TestDatabases {

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
		};
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
		if (Containers.dockerAvailable()) {
			return Containers.start(kind);
		}
		String example = (kind == DatabaseKind.POSTGRES) ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
				: "jdbc:mariadb://127.0.0.1:3306/test?user=root";
		throw new IllegalStateException("No " + kind.name().toLowerCase(Locale.ROOT) + " server for tests: set "
				+ variable + " (for example " + example
				+ ") to a server where the user may create databases, or make Docker available for Testcontainers."
				+ " .ci/run sets it to the local servers.");
	}

	/** Whether a server of this kind is configured or can be started (for documentation only). */
	public static boolean configured(DatabaseKind kind) {
		String fromEnv = System.getenv("RETORT_TEST_" + kind.name() + "_URL");
		return (fromEnv != null && !fromEnv.isBlank()) || Containers.dockerAvailable();
	}
}
