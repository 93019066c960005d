package dev.retort.internal.execution;

import org.jspecify.annotations.Nullable;

import dev.retort.QualifiedName;
import dev.retort.internal.database.Database;

/**
 * Retort's own tables for one database; every name validated (and quoted) by the dialect when
 * this is made, so a bad configured name fails before anything runs.
 *
 * @param schema the configured schema, or {@code null} for the connection's current schema
 * @param versionTableName the version table's name as configured (for lock keys)
 * @param version the version table
 * @param history the history table
 * @param lock the quoted, qualified lock table ({@code <version_table>_lock}; used where there is no session lock)
 */
public record TableNames(@Nullable String schema, String versionTableName, QualifiedName version, QualifiedName history,
		String lock) {

	static TableNames of(Database database, @Nullable String schema, String versionTable, String historyTable) {
		QualifiedName version = QualifiedName.of(schema, versionTable);
		QualifiedName history = QualifiedName.of(schema, historyTable);
		database.quote(version, "version table");
		database.quote(history, "history table");
		String lock = database.quote(QualifiedName.of(schema, versionTable + "_lock"), "lock table");
		return new TableNames(schema, versionTable, version, history, lock);
	}
}
