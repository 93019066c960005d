package dev.retort.internal.database.sqlite;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.DatabaseType;
import dev.retort.internal.database.LockRequest;
import dev.retort.internal.database.MigrationLock;
import dev.retort.internal.database.ScratchHost;
import dev.retort.internal.database.TableLock;

/**
 * SQLite 3.35+: transactional DDL (each revision commits or rolls back whole), a lock row with a
 * heartbeat and an expiry (SQLite has no session lock, and a crashed migrator's row expires, so the
 * lock never sticks), and batch mode ({@link SqliteBatch}) for what {@code ALTER TABLE} cannot do.
 * <p>
 * A run turns {@code PRAGMA foreign_keys} off while it migrates, as SQLite's own procedure for
 * rebuilding a table asks (dropping a parent table would otherwise delete or reject its children's
 * rows, and the pragma cannot change inside a transaction), and turns it back on after; batch mode
 * checks the rebuilt table's foreign keys itself.
 */
public final class SqliteDatabase extends Database {

	/** How the registry recognises SQLite. */
	public static final DatabaseType TYPE = new Type();

	private static final Logger logger = LoggerFactory.getLogger(SqliteDatabase.class);

	SqliteDatabase() {
		super(new SqliteDialect());
	}

	@Override
	public String displayName() {
		return "SQLite";
	}

	@Override
	public MigrationLock lock(LockRequest request) {
		return new TableLock(request.dataSource(), request.lockTable(), request.expiry(), request.actor(), dialect());
	}

	@Override
	public boolean startRun(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			boolean on;
			try (ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
				on = rs.next() && rs.getInt(1) == 1;
			}
			if (on) {
				statement.execute("PRAGMA foreign_keys = OFF");
				logger.debug("Foreign key enforcement off while migrating (SQLite's table rebuild needs it)");
			}
			return on;
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot read or set PRAGMA foreign_keys: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void endRun(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA foreign_keys = ON");
		}
		catch (SQLException ex) {
			logger.warn("Could not turn PRAGMA foreign_keys back on: {}", ex.getMessage());
		}
	}

	@Override
	public void execute(Connection connection, SchemaOperation operation, Consumer<String> statements) {
		if (SqliteSqlRenderer.needsBatch(operation)) {
			new SqliteBatch(connection, (SqliteDialect) dialect(), (SqliteSqlRenderer) renderer()).run(operation,
					statements);
		}
		else {
			super.execute(connection, operation, statements);
		}
	}

	@Override
	public CatalogReader catalogReader() {
		return new SqliteCatalogReader();
	}

	/**
	 * An in-memory database: offline SQL and autogenerate run their statements on it, so batch mode
	 * reads a table's definition as the script has left it.
	 */
	@Override
	public Connection openShadow() {
		try {
			return DriverManager.getConnection("jdbc:sqlite::memory:");
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot open an in-memory SQLite database for offline SQL: " + ex.getMessage(), ex);
		}
	}

	/** Runs the stored SQL of every table, then every index, trigger and view, in creation order. */
	@Override
	public void copySchema(Connection source, Connection shadow) {
		String sql = "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
				+ " ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid";
		try (Statement read = source.createStatement(); ResultSet rows = read.executeQuery(sql);
				Statement write = shadow.createStatement()) {
			while (rows.next()) {
				write.execute(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot copy the schema into an in-memory SQLite database: " + ex.getMessage(), ex);
		}
	}

	/** Scratch databases are files in the temporary directory, whatever the application's URL. */
	@Override
	public ScratchHost scratchHost(String url) {
		return new SqliteScratchHost(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
	}

	private static final class Type implements DatabaseType {

		@Override
		public List<String> names() {
			return List.of("sqlite");
		}

		@Override
		public List<String> urlPrefixes() {
			return List.of("jdbc:sqlite:");
		}

		@Override
		public Database named(String canonicalName) {
			return new SqliteDatabase();
		}

		@Override
		public @Nullable Database forUrl(String lowerCaseUrl) {
			return lowerCaseUrl.startsWith("jdbc:sqlite:") ? new SqliteDatabase() : null;
		}

		@Override
		public @Nullable Database forProduct(String product, String version, DatabaseMetaData metaData) {
			return product.equals("sqlite") ? new SqliteDatabase() : null;
		}
	}
}
