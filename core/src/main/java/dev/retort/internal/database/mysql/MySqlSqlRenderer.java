package dev.retort.internal.database.mysql;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.AlterColumn;
import dev.retort.ConstraintType;
import dev.retort.DefaultValue;
import dev.retort.Index;
import dev.retort.ReferentialAction;
import dev.retort.SchemaOperation;
import dev.retort.SqlType;
import dev.retort.internal.database.SqlRenderer;

/**
 * MySQL 8 and MariaDB 10.5+. Changing a column's type or nullability redefines the whole column
 * ({@code MODIFY COLUMN}, or {@code CHANGE COLUMN} with a rename), so the parts that do not change
 * must be known: live operations read them from {@code information_schema}; offline the
 * revision states them with {@code existingType()} etc. Constraints are dropped by kind, indexes
 * are dropped with their table. No partial indexes; {@code concurrently()} is ignored.
 */
final class MySqlSqlRenderer extends SqlRenderer {

	private static final Logger logger = LoggerFactory.getLogger(MySqlSqlRenderer.class);

	private final boolean mariadb;

	MySqlSqlRenderer(MySqlDialect dialect) {
		super(dialect);
		this.mariadb = dialect.mariadb();
	}

	private String product() {
		return this.mariadb ? "MariaDB" : "MySQL";
	}

	@Override
	protected String columnTail(SqlType type, boolean nullable, @Nullable DefaultValue serverDefault,
			boolean autoincrement) {
		StringBuilder sql = new StringBuilder(dialect().typeName(type));
		sql.append(nullable ? " NULL" : " NOT NULL");
		if (serverDefault != null) {
			sql.append(" DEFAULT ").append(defaultSql(serverDefault));
		}
		if (autoincrement) {
			sql.append(' ').append(dialect().identityClause());
		}
		return sql.toString();
	}

	/** MySQL accepts an expression default only in parentheses (literals and CURRENT_TIMESTAMP do not need them). */
	@Override
	protected String defaultSql(DefaultValue value) {
		if (value instanceof DefaultValue.Expression e) {
			String sql = e.sql().strip();
			boolean bare = sql.startsWith("(") || sql.matches("(?i)current_timestamp(\\(\\d*\\))?|now\\(\\d*\\)|null")
					|| sql.matches("'.*'|-?[0-9.]+");
			return bare ? sql : "(" + sql + ")";
		}
		return super.defaultSql(value);
	}

	@Override
	protected String renameTable(SchemaOperation.RenameTable o) {
		// Unqualified, the new name would land in the current database; keep the table's schema.
		return "ALTER TABLE " + table(o.table(), "renameTable") + " RENAME TO "
				+ dialect().quote(o.table().sibling(o.newName()), "renameTable " + o.table() + ": new name");
	}

	@Override
	protected List<String> alterColumn(AlterColumn o) {
		String origin = "alterColumn " + o.table() + "." + o.column();
		String alterTable = "ALTER TABLE " + table(o.table(), origin) + " ";
		String column = quote(o.column(), origin);
		List<String> statements = new ArrayList<>();
		if (o.using() != null) {
			throw unsupported(origin + ": " + product() + " has no USING clause for type changes");
		}
		if (o.type() != null || o.nullable() != null) {
			SqlType type = (o.type() != null) ? o.type() : o.existingType();
			Boolean nullable = (o.nullable() != null) ? o.nullable() : o.existingNullable();
			if (type == null || nullable == null) {
				throw unsupported(origin + ": " + product()
						+ " redefines the whole column to change its type or nullability; state the current "
						+ ((type == null) ? "type with existingType(...)" : "nullability with existingNullable(...)")
						+ " (offline SQL cannot read it from the database)");
			}
			DefaultValue serverDefault = o.dropsServerDefault() ? null
					: (o.serverDefault() != null) ? o.serverDefault() : o.existingServerDefault();
			String definition = columnTail(type, nullable, serverDefault, o.existingAutoincrement());
			if (o.newName() != null) {
				statements.add(alterTable + "CHANGE COLUMN " + column + " "
						+ quote(o.newName(), origin + ": new name") + " " + definition);
			}
			else {
				statements.add(alterTable + "MODIFY COLUMN " + column + " " + definition);
			}
			return statements;
		}
		if (o.dropsServerDefault()) {
			statements.add(alterTable + "ALTER COLUMN " + column + " DROP DEFAULT");
		}
		if (o.serverDefault() != null) {
			statements.add(alterTable + "ALTER COLUMN " + column + " SET DEFAULT " + defaultSql(o.serverDefault()));
		}
		if (o.newName() != null) {
			statements.add(alterTable + "RENAME COLUMN " + column + " TO " + quote(o.newName(), origin + ": new name"));
		}
		return statements;
	}

	@Override
	protected String createIndex(Index index) {
		String origin = "createIndex " + index.name();
		if (index.where() != null) {
			throw unsupported(origin + ": " + product() + " has no partial indexes (where \"" + index.where() + "\")");
		}
		if (index.isConcurrently()) {
			logger.debug("{}: {} has no CREATE INDEX CONCURRENTLY; building the index normally", origin, product());
		}
		return "CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX " + quote(index.name(), origin + ": index name")
				+ " ON " + table(index.table(), origin) + " (" + columnList(index.columns(), origin + ": column") + ")";
	}

	@Override
	protected String dropIndex(SchemaOperation.DropIndex o) {
		String origin = "dropIndex " + o.index();
		if (o.table() == null) {
			throw unsupported(origin + ": " + product()
					+ " drops an index with its table; pass the table (offline SQL cannot look it up)");
		}
		return "DROP INDEX " + quote(o.index().name(), origin + ": index name") + " ON "
				+ table(o.table().withSchemaIfAbsent(o.index().schema()), origin);
	}

	@Override
	protected String dropConstraint(SchemaOperation.DropConstraint o) {
		String origin = "dropConstraint " + o.name() + " on " + o.table();
		if (o.type() == null) {
			throw unsupported(origin + ": " + product()
					+ " drops a constraint by its kind; pass the ConstraintType (offline SQL cannot look it up)");
		}
		String alter = "ALTER TABLE " + table(o.table(), origin) + " ";
		String name = quote(o.name(), origin + ": constraint name");
		return switch (o.type()) {
			case PRIMARY_KEY -> alter + "DROP PRIMARY KEY";
			case FOREIGN_KEY -> alter + "DROP FOREIGN KEY " + name;
			case UNIQUE -> alter + "DROP INDEX " + name;
			case CHECK -> alter + (this.mariadb ? "DROP CONSTRAINT " : "DROP CHECK ") + name;
		};
	}

	@Override
	protected String referentialAction(ReferentialAction action) {
		if (action == ReferentialAction.SET_DEFAULT) {
			throw unsupported(product() + " (InnoDB) does not support ON DELETE/ON UPDATE SET DEFAULT");
		}
		return action.sql();
	}
}
