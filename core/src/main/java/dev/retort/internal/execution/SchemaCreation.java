package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.Direction;
import dev.retort.Outcome;
import dev.retort.internal.database.Database;

/**
 * {@code create-schemas}: the configured schema is created when it is missing, before the lock is
 * taken (the lock row of engines without session locks lives in it), and the creation is recorded in
 * the history table once the lock is held, so that a later {@code dropSchema} knows Retort made it.
 */
public final class SchemaCreation {

	private static final Logger logger = LoggerFactory.getLogger(SchemaCreation.class);

	private SchemaCreation() {
	}

	/**
	 * Creates the schema if it does not exist ({@code IF NOT EXISTS}, so two processes starting together
	 * do not fail).
	 * @return whether it was missing
	 */
	static boolean createIfMissing(Connection connection, Database database, String schema) throws SQLException {
		if (database.dialect().schemaExists(connection, schema)) {
			return false;
		}
		String quoted = database.dialect().quote(schema, "schema name");
		try (Statement statement = connection.createStatement()) {
			statement.execute(database.dialect().createSchemaSql(quoted));
		}
		logger.info("Retort: created schema " + quoted + " (create-schemas); a downgrade to base followed by"
				+ " drop-schema can remove it again");
		return true;
	}

	/**
	 * Records the creation (under the lock, in autocommit), unless another process recorded it first.
	 */
	static void record(Connection connection, Database database, TableNames tables, String schema, String actor)
			throws SQLException {
		HistoryTable history = new HistoryTable(database, tables);
		try (history) {
			history.create(connection);
			if (history.schemaCreation(connection, schema) == null) {
				history.insert(connection, new HistoryTable.Entry(schema, Direction.CREATE_SCHEMA, null, Instant.now(),
						Duration.ZERO, Outcome.SUCCESS, actor, List.of(), List.of(), null));
			}
		}
	}
}
