package dev.retort.internal.database.postgresql;

import java.util.ArrayList;
import java.util.List;

import dev.retort.AlterColumn;
import dev.retort.Index;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.database.SqlRenderer;

/**
 * PostgreSQL: one {@code ALTER TABLE} statement per column change, partial indexes, and
 * {@code CREATE INDEX CONCURRENTLY}.
 */
final class PostgresSqlRenderer extends SqlRenderer {

	PostgresSqlRenderer(SqlDialect dialect) {
		super(dialect);
	}

	@Override
	protected List<String> alterColumn(AlterColumn o) {
		String origin = "alterColumn " + o.table() + "." + o.column();
		String alter = "ALTER TABLE " + table(o.table(), origin) + " ALTER COLUMN " + quote(o.column(), origin)
				+ " ";
		List<String> statements = new ArrayList<>();
		// The old default may not cast to the new type, so it goes first; a new default comes after.
		if (o.dropsServerDefault()) {
			statements.add(alter + "DROP DEFAULT");
		}
		if (o.type() != null) {
			statements.add(alter + "TYPE " + dialect().typeName(o.type())
					+ ((o.using() != null) ? " USING " + o.using() : ""));
		}
		if (o.nullable() != null) {
			statements.add(alter + (o.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
		}
		if (o.serverDefault() != null) {
			statements.add(alter + "SET DEFAULT " + defaultSql(o.serverDefault()));
		}
		if (o.newName() != null) {
			statements.add("ALTER TABLE " + table(o.table(), origin) + " RENAME COLUMN " + quote(o.column(), origin)
					+ " TO " + quote(o.newName(), origin + ": new name"));
		}
		return statements;
	}

	@Override
	protected String createIndex(Index index) {
		String origin = "createIndex " + index.name();
		return "CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX "
				+ (index.isConcurrently() ? "CONCURRENTLY " : "") + quote(index.name(), origin + ": index name")
				+ " ON " + table(index.table(), origin) + " (" + columnList(index.columns(), origin + ": column") + ")"
				+ ((index.where() != null) ? " WHERE " + index.where() : "");
	}
}
