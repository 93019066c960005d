package dev.retort.internal.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.internal.database.Database;

/**
 * Offline rendering for one script: the {@link OfflineOperations} every revision or change of the
 * script records into. For an engine whose DDL depends on what is in the database (SQLite's batch
 * mode reads a table's definition to rebuild it), the session keeps a private in-process copy of
 * the schema ({@link Database#openShadow()}) that each recorded statement also runs on, so the
 * next operation renders from the schema as the script has left it. Elsewhere it only records.
 * Close it when the script is rendered.
 */
public final class OfflineSession implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(OfflineSession.class);

	private final Database database;

	private final @Nullable Connection shadow;

	/** The first statement that failed on the copy, after which the copy is not followed. */
	private @Nullable String lostAt;

	private OfflineSession(Database database, @Nullable Connection shadow) {
		this.database = database;
		this.shadow = shadow;
	}

	/** A session that only records, whatever the engine (one revision's statements on their own). */
	public static OfflineSession none(Database database) {
		return new OfflineSession(database, null);
	}

	/** A session starting from an empty database (offline SQL from base). */
	public static OfflineSession empty(Database database) {
		return new OfflineSession(database, database.openShadow());
	}

	/**
	 * A session starting from the schema of {@code source} (autogenerate: the scratch database the
	 * revisions were replayed into).
	 */
	public static OfflineSession copying(Database database, Connection source) {
		Connection shadow = database.openShadow();
		if (shadow != null) {
			try {
				database.copySchema(source, shadow);
			}
			catch (RuntimeException ex) {
				closeQuietly(shadow);
				throw ex;
			}
		}
		return new OfflineSession(database, shadow);
	}

	/** Whether statements run on a copy of the schema as they are recorded. */
	public boolean followsSchema() {
		return this.shadow != null;
	}

	/** New operations recording into their own list, on this session's copy of the schema (if any). */
	public OfflineOperations operations() {
		return (this.shadow != null) ? new OfflineOperations(this.database, this)
				: new OfflineOperations(this.database.dialect());
	}

	/**
	 * Runs statements that are not recorded on the copy of the schema (revisions before the script's
	 * start, or an SQL revision's own statements); nothing where the session keeps no copy.
	 */
	public void replay(Iterable<String> statements) {
		for (String sql : statements) {
			follow(sql);
		}
	}

	/** The copy of the schema while it is followed, or {@code null}. */
	@Nullable Connection shadow() {
		return (this.lostAt == null) ? this.shadow : null;
	}

	/**
	 * Runs a statement on the copy. A statement that fails there (it needs rows or an attached
	 * database the copy lacks) ends the following: later operations render without the copy.
	 */
	void follow(String sql) {
		Connection copy = shadow();
		if (copy == null) {
			return;
		}
		try (Statement statement = copy.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			this.lostAt = sql;
			logger.info("Offline SQL stops following the schema in memory: {} failed there ({}); a later operation"
					+ " that needs the table's definition (SQLite's batch mode) is refused", sql, ex.getMessage());
		}
	}

	@Override
	public void close() {
		if (this.shadow != null) {
			closeQuietly(this.shadow);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot close the in-memory copy of the schema: " + ex.getMessage(), ex);
		}
	}
}
