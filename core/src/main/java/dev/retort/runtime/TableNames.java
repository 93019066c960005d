package dev.retort.runtime;

import org.jspecify.annotations.Nullable;

import dev.retort.dialect.QualifiedName;

/**
 * Retort's own tables, validated and quoted for one database.
 *
 * @param schema the configured schema, or {@code null} for the connection's current schema
 * @param versionTableName the version table's name as configured (for lock keys)
 * @param version the quoted, qualified version table
 * @param versionPrimaryKey the quoted name of its primary key constraint ({@code <table>_pkc}, as Alembic names it)
 * @param history the quoted, qualified history table
 * @param lock the quoted, qualified lock table ({@code <version_table>_lock}; used where there is no session lock)
 */
record TableNames(@Nullable String schema, String versionTableName, String version, String versionPrimaryKey,
		String history, String lock) {

	static TableNames of(DatabaseSupport database, @Nullable String schema, String versionTable, String historyTable) {
		String version = database.quote(QualifiedName.of(schema, versionTable), "version table");
		String primaryKey = database.quote(QualifiedName.of(versionTable + "_pkc"), "version table primary key");
		String history = database.quote(QualifiedName.of(schema, historyTable), "history table");
		String lock = database.quote(QualifiedName.of(schema, versionTable + "_lock"), "lock table");
		return new TableNames(schema, versionTable, version, primaryKey, history, lock);
	}
}
