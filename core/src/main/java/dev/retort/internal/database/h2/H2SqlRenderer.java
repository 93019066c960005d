package dev.retort.internal.database.h2;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.AlterColumn;
import dev.retort.Index;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.database.SqlRenderer;

/**
 * H2 2.x: {@code ALTER COLUMN ... SET DATA TYPE}, {@code ALTER COLUMN ... RENAME TO}, indexes named
 * in their table's schema. No partial indexes and no {@code USING}; {@code concurrently()} is ignored.
 */
final class H2SqlRenderer extends SqlRenderer {

	private static final Logger logger = LoggerFactory.getLogger(H2SqlRenderer.class);

	H2SqlRenderer(SqlDialect dialect) {
		super(dialect);
	}

	@Override
	protected List<String> alterColumn(AlterColumn o) {
		String origin = "alterColumn " + o.table() + "." + o.column();
		if (o.using() != null) {
			throw unsupported(origin + ": H2 has no USING clause for type changes; convert the values with execute()"
					+ " before or after the type change");
		}
		String alter = "ALTER TABLE " + table(o.table(), origin) + " ALTER COLUMN " + quote(o.column(), origin)
				+ " ";
		List<String> statements = new ArrayList<>();
		if (o.dropsServerDefault()) {
			statements.add(alter + "DROP DEFAULT");
		}
		if (o.type() != null) {
			statements.add(alter + "SET DATA TYPE " + dialect().typeName(o.type()));
		}
		if (o.nullable() != null) {
			statements.add(alter + (o.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
		}
		if (o.serverDefault() != null) {
			statements.add(alter + "SET DEFAULT " + defaultSql(o.serverDefault()));
		}
		if (o.newName() != null) {
			statements.add(alter + "RENAME TO " + quote(o.newName(), origin + ": new name"));
		}
		return statements;
	}

	@Override
	protected String createIndex(Index index) {
		String origin = "createIndex " + index.name();
		if (index.where() != null) {
			throw unsupported(origin + ": H2 has no partial indexes (where \"" + index.where() + "\")");
		}
		if (index.isConcurrently()) {
			logger.debug("{}: H2 has no CREATE INDEX CONCURRENTLY; building the index normally", origin);
		}
		return "CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX "
				+ dialect().quote(index.table().sibling(index.name()), origin + ": index name") + " ON "
				+ table(index.table(), origin) + " (" + columnList(index.columns(), origin + ": column") + ")";
	}
}
