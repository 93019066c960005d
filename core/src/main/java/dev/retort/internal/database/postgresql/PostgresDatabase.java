package dev.retort.internal.database.postgresql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.Index;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.DatabaseType;
import dev.retort.internal.database.LockRequest;
import dev.retort.internal.database.MigrationLock;
import dev.retort.internal.database.ScratchHost;
import dev.retort.internal.database.ServerScratchHost;

/**
 * PostgreSQL 10 or later: transactional DDL, a session advisory lock, version and history rows
 * written in one statement per step, and a dead-client check while a run executes.
 */
public final class PostgresDatabase extends Database {

	/** How the registry recognises PostgreSQL. */
	public static final DatabaseType TYPE = new Type();

	private static final String NAME = "postgresql";

	PostgresDatabase() {
		super(new PostgresDialect());
	}

	@Override
	public String displayName() {
		return "PostgreSQL";
	}

	@Override
	public MigrationLock lock(LockRequest request) {
		return new PostgresAdvisoryLock(request.schema(), request.versionTable());
	}

	@Override
	public boolean combinesStepRecords() {
		return true;
	}

	/**
	 * On PostgreSQL 14+, makes the server check every second that this client is still there while a
	 * statement runs. Without it, the backend of a migrator killed during a long statement keeps
	 * running it (and holding its locks) until the statement ends; with it, the backend aborts and
	 * rolls back within a second, so the next migrator is not blocked by a dead one.
	 */
	@Override
	public boolean startRun(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET client_connection_check_interval = 1000");
			return true;
		}
		catch (SQLException ex) {
			return false; // before PostgreSQL 14
		}
	}

	/** Called in autocommit, with nothing open. */
	@Override
	public void endRun(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET client_connection_check_interval");
		}
		catch (SQLException ex) {
			// The connection is closed next anyway.
		}
	}

	@Override
	public @Nullable String refusal(SchemaOperation operation, Connection connection) {
		if (operation instanceof Index index && index.isConcurrently() && inTransaction(connection)) {
			return "createIndex " + index.name() + ": CREATE INDEX CONCURRENTLY cannot run inside a transaction;"
					+ " mark the revision transactional = false";
		}
		return null;
	}

	private static boolean inTransaction(Connection connection) {
		try {
			return !connection.getAutoCommit();
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Cannot read the connection's auto-commit mode", ex);
		}
	}

	@Override
	public CatalogReader catalogReader() {
		return new PostgresCatalogReader();
	}

	/**
	 * Scratch databases are created and dropped connected to the {@code postgres} maintenance
	 * database; dropping first ends the sessions still on it.
	 */
	@Override
	public ScratchHost scratchHost(String url) {
		return new ServerScratchHost(url, "postgres",
				"SELECT datname FROM pg_database WHERE datname LIKE 'retort\\_scratch\\_%' ORDER BY datname",
				// A throwaway database needs no durable commits: the replay commits once per revision and
				// the model once per statement, each waiting for a WAL flush otherwise (most of check's time).
				name -> List.of("CREATE DATABASE " + name, "ALTER DATABASE " + name + " SET synchronous_commit = off"),
				name -> List.of("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
						+ "' AND pid <> pg_backend_pid()", "DROP DATABASE IF EXISTS " + name),
				"PostgreSQL CREATEDB");
	}

	private static final class Type implements DatabaseType {

		@Override
		public List<String> names() {
			return List.of(NAME);
		}

		@Override
		public @Nullable String alias(String lowerCaseName) {
			return lowerCaseName.equals("postgres") ? NAME : null;
		}

		@Override
		public List<String> urlPrefixes() {
			return List.of("jdbc:postgresql:");
		}

		@Override
		public Database named(String canonicalName) {
			return new PostgresDatabase();
		}

		@Override
		public @Nullable Database forUrl(String lowerCaseUrl) {
			return lowerCaseUrl.startsWith("jdbc:postgresql:") ? new PostgresDatabase() : null;
		}

		@Override
		public @Nullable Database forProduct(String product, String version, DatabaseMetaData metaData) {
			return product.contains("postgresql") ? new PostgresDatabase() : null;
		}
	}

	@Override
	public java.util.List<String> invalidIndexes(java.sql.Connection connection, java.util.List<String> statements) {
		String sql = "SELECT n.nspname, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid"
				+ " AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2";
		String text = String.join("\n", statements).toLowerCase(java.util.Locale.ROOT);
		java.util.List<String> found = new java.util.ArrayList<>();
		try (java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				String name = rs.getString(2);
				// Named by a statement: as a whole word, quoted or not.
				if (java.util.regex.Pattern.compile("(?<![a-z0-9_$])" + java.util.regex.Pattern.quote(name.toLowerCase(
						java.util.Locale.ROOT)) + "(?![a-z0-9_$])").matcher(text).find()) {
					found.add(rs.getString(1) + "." + name);
				}
			}
		}
		catch (java.sql.SQLException ex) {
			return java.util.List.of("<pg_index not readable: " + ex.getMessage() + ">");
		}
		return found;
	}
}
