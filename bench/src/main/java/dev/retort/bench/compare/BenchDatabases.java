package dev.retort.bench.compare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for runs: PostgreSQL databases created and dropped through the admin URL, and
 * in-memory H2 databases (embedded, or served by an H2 TCP server so that a fresh JVM can reach a
 * database prepared before it started).
 */
public final class BenchDatabases {

	/** The admin URL of the local PostgreSQL. */
	public static final String POSTGRES_ADMIN = System.getProperty("bench.postgres.admin",
			"jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

	private static final AtomicInteger counter = new AtomicInteger();

	private BenchDatabases() {
	}

	/** A name unique on this machine for this run. */
	public static String uniqueName(String what) {
		return "retort_bench_" + what + "_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
	}

	/** Creates a PostgreSQL database and returns its URL. */
	public static String createPostgres(String name) {
		admin("CREATE DATABASE " + name);
		return POSTGRES_ADMIN.replaceFirst("/[^/?]+\\?", "/" + name + "?");
	}

	/** The port of Compare's latency proxy for {@code postgres-remote}, given to every child JVM. */
	static final String PROXY_PORT = "bench.postgres.proxy";

	/**
	 * Creates a PostgreSQL database for {@code database} ({@code postgres}, or {@code postgres-remote}:
	 * the same server reached through the latency proxy) and returns the URL contenders use.
	 */
	public static String createPostgres(String database, String name) {
		return reachedAs(database, createPostgres(name));
	}

	/** {@code url} as contenders reach it for {@code database}: through the proxy for {@code postgres-remote}. */
	static String reachedAs(String database, String url) {
		if (!database.equals("postgres-remote")) {
			return url;
		}
		String port = System.getProperty(PROXY_PORT);
		if (port == null) {
			throw new IllegalStateException("postgres-remote needs the latency proxy; run it through Compare");
		}
		return url.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
	}

	/** Drops a PostgreSQL database, closing what is connected to it. */
	public static void dropPostgres(String name) {
		admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private static void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** An embedded in-memory H2 database that lives until {@link #dropH2}. */
	public static String h2Embedded(String name) {
		return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
	}

	/** An in-memory H2 database inside the H2 TCP server on {@code port}. */
	public static String h2Tcp(int port, String name) {
		return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name + ";DB_CLOSE_DELAY=-1";
	}

	/** Ends an in-memory H2 database. */
	public static void dropH2(String url) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The number of {@code bench_*} tables, to check that an apply did all its work. */
	public static int benchTables(String url) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
						+ " WHERE LOWER(table_name) LIKE 'bench\\_%'")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
