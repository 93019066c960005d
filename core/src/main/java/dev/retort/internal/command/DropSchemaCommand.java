package dev.retort.internal.command;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.internal.database.Database;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.HistoryTable;
import dev.retort.internal.execution.TableNames;

/**
 * {@code drop-schema}: drops the configured schema again after a downgrade to base, but only one
 * Retort recorded creating ({@code create-schema} history row) and only when nothing but Retort's own
 * tables is left in it. Under the lock it checks and drops the version and history tables (the
 * history, including the creation record, goes with the schema: that is what dropping it means);
 * after the lock is released it drops the lock table, where the engine keeps one, and the schema,
 * with {@code RESTRICT} where the engine has it, so an object created meanwhile stops the drop.
 */
public final class DropSchemaCommand {

	private static final Logger logger = LoggerFactory.getLogger(DropSchemaCommand.class);

	private final EngineContext context;

	public DropSchemaCommand(EngineContext context) {
		this.context = context;
	}

	/**
	 * Drops the schema.
	 * @return the schema dropped, as configured
	 * @throws RetortException {@link CoreErrorCode#SCHEMA_NOT_DROPPABLE} naming what stands in the way
	 */
	public String run() {
		String schema = this.context.settings().schema();
		if (schema == null) {
			throw refusal("No schema is configured (retort.schema / --schema): Retort drops only a schema it created.");
		}
		boolean exists = this.context.withConnection((connection, database) -> database.dialect().schemaExists(connection, schema));
		if (!exists) {
			throw refusal("Schema " + schema + " does not exist. Nothing was changed.");
		}
		HistoryTable.SchemaCreated created = this.context.locked((connection, database, tables, rows, lock) -> {
			if (!rows.isEmpty()) {
				throw refusal("Schema " + schema + " is not at base: the version table holds " + String.join(", ", rows)
						+ ". Run `downgrade base` first. Nothing was changed.");
			}
			HistoryTable.SchemaCreated creation;
			try (HistoryTable history = new HistoryTable(database, tables)) {
				creation = history.schemaCreation(connection, schema);
			}
			if (creation == null) {
				throw refusal("Retort did not create schema " + schema + " (the history table has no create-schema row"
						+ " for it), so it will not drop it. Drop it yourself if it is yours to drop. Nothing was changed.");
			}
			List<String> others = othersThanRetorts(connection, database, tables, schema);
			if (!others.isEmpty()) {
				throw refusal("Schema " + schema + " holds more than Retort's own tables: " + String.join(", ", others)
						+ ". Retort drops a schema only when nothing else is in it. Nothing was changed.");
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE " + database.quote(tables.history(), "history table"));
				statement.execute("DROP TABLE " + database.quote(tables.version(), "version table"));
			}
			return creation;
		});
		this.context.withConnection((connection, database) -> {
			TableNames tables = this.context.tables(database);
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE IF EXISTS " + tables.lock());
				// Checked again: DROP DATABASE (MySQL) would take along whatever appeared since.
				List<String> others = othersThanRetorts(connection, database, tables, schema);
				if (!others.isEmpty()) {
					throw refusal("Schema " + schema + " gained " + String.join(", ", others) + " while it was being"
							+ " dropped; Retort's tables are gone, the schema is left.");
				}
				statement.execute(database.dialect().dropSchemaSql(database.dialect().quote(schema, "schema name")));
			}
			return null;
		});
		logger.info("Retort: dropped schema " + schema + ", created by " + created.actor() + " at " + created.at());
		return schema;
	}

	/** What the schema holds besides the version, history and lock tables. */
	private static List<String> othersThanRetorts(java.sql.Connection connection, Database database, TableNames tables,
			String schema) {
		List<String> own = List.of(tables.version().name(), tables.history().name(), tables.versionTableName() + "_lock");
		List<String> others = new ArrayList<>();
		for (String object : database.dialect().schemaObjects(connection, schema)) {
			if (own.stream().noneMatch((name) -> name.toLowerCase(Locale.ROOT).equals(object.toLowerCase(Locale.ROOT)))) {
				others.add(object);
			}
		}
		return others;
	}

	private static RetortException refusal(String message) {
		return new RetortException(CoreErrorCode.SCHEMA_NOT_DROPPABLE, message);
	}
}
