package dev.retort.internal.database.sqlite;

import java.util.ArrayList;
import java.util.List;

import dev.retort.AlterColumn;
import dev.retort.Column;
import dev.retort.CoreErrorCode;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.Table;
import dev.retort.TableElement;
import dev.retort.internal.database.SqlRenderer;

/**
 * SQLite: what {@code ALTER TABLE} can do in place (add, drop and rename a column, rename a table)
 * is rendered here; changing a column's type, nullability or default and adding or dropping a
 * constraint need batch mode ({@link SqliteBatch}), which reads the table's definition from the
 * database, so this renderer (used alone only for offline SQL) refuses them with
 * {@code OFFLINE_NOT_SUPPORTED}. An index is named in its table's schema; foreign keys reference a
 * table of the same schema, unqualified, as SQLite requires.
 */
final class SqliteSqlRenderer extends SqlRenderer {

	SqliteSqlRenderer(SqliteDialect dialect) {
		super(dialect);
	}

	/** Whether SQLite needs batch mode for this operation. */
	static boolean needsBatch(SchemaOperation operation) {
		if (operation instanceof AlterColumn o) {
			return o.type() != null || o.nullable() != null || o.serverDefault() != null || o.dropsServerDefault();
		}
		return operation instanceof SchemaOperation.AddConstraint || operation instanceof SchemaOperation.DropConstraint;
	}

	@Override
	public List<String> render(SchemaOperation operation) {
		if (needsBatch(operation)) {
			throw new RetortException(CoreErrorCode.OFFLINE_NOT_SUPPORTED, describe(operation)
					+ ": SQLite cannot do this with ALTER TABLE; Retort rebuilds the table (batch mode) from its"
					+ " definition, which this rendering has no schema to read from. Render a range instead"
					+ " (upgrade --sql, or downgrade --sql from:to): it replays the revisions from base into an"
					+ " in-memory database and renders the rebuild from there. Or run this revision online, or write"
					+ " the rebuild (CREATE TABLE new, INSERT ... SELECT, DROP, RENAME) as SQL.");
		}
		return super.render(operation);
	}

	private static String describe(SchemaOperation operation) {
		if (operation instanceof AlterColumn o) {
			return "alterColumn " + o.table() + "." + o.column();
		}
		if (operation instanceof SchemaOperation.AddConstraint o) {
			return "addConstraint on " + o.table();
		}
		SchemaOperation.DropConstraint o = (SchemaOperation.DropConstraint) operation;
		return "dropConstraint " + o.name() + " on " + o.table();
	}

	/** Only a column rename gets here (the rest is batch mode). */
	@Override
	protected List<String> alterColumn(AlterColumn o) {
		String origin = "alterColumn " + o.table() + "." + o.column();
		return List.of("ALTER TABLE " + table(o.table(), origin) + " RENAME COLUMN " + quote(o.column(), origin)
				+ " TO " + quote(String.valueOf(o.newName()), origin + ": new name"));
	}

	/** Also used by batch mode for the rebuilt table's new column definition. */
	@Override
	protected String columnDefinition(Column column, boolean inlinePrimaryKey, String origin) {
		if (!column.isAutoincrement()) {
			return super.columnDefinition(column, inlinePrimaryKey, origin);
		}
		if (!column.isPrimaryKey() || !inlinePrimaryKey) {
			throw unsupported(origin + ": SQLite generates values only for a table's single INTEGER PRIMARY KEY"
					+ " column; make " + column.name() + " the primary key, or drop autoincrement()");
		}
		// NOT NULL as elsewhere (SQLite still fills in a NULL inserted into its rowid column).
		return quote(column.name(), origin + ": column name") + " INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL";
	}

	String tableConstraint(TableElement element, QualifiedName table, String origin) {
		return constraint(element, table, origin);
	}

	String defaultOf(dev.retort.DefaultValue value) {
		return defaultSql(value);
	}

	@Override
	protected String constraint(TableElement element, QualifiedName table, String origin) {
		if (element instanceof ForeignKey fk && fk.referencedTable().schema() != null
				&& !fk.referencedTable().schema().equals(table.schema())) {
			throw unsupported(origin + ": SQLite's foreign keys reference a table of the same schema; "
					+ fk.referencedTable() + " is in another");
		}
		// SQLite takes the referenced table unqualified: it is always in the referencing table's schema.
		return super.constraint(element, QualifiedName.of(table.name()), origin);
	}

	/**
	 * SQLite generates values only for an {@code INTEGER PRIMARY KEY} written on the column itself:
	 * an unnamed one-column primary key on an autoincrement column (as a schema comparison builds a
	 * table) is written there.
	 */
	@Override
	protected String createTable(Table table) {
		List<TableElement> elements = table.elements();
		for (TableElement element : elements) {
			if (element instanceof PrimaryKey pk && pk.name() == null && pk.columns().size() == 1) {
				String key = pk.columns().get(0);
				boolean identity = elements.stream()
					.anyMatch((e) -> e instanceof Column c && c.isAutoincrement() && c.name().equals(key));
				if (identity) {
					List<TableElement> inline = new ArrayList<>();
					for (TableElement e : elements) {
						if (e instanceof Column c && c.name().equals(key)) {
							inline.add(c.primaryKey());
						}
						else if (e != pk) {
							inline.add(e);
						}
					}
					return super.createTable(new Table(table.name(), inline));
				}
			}
		}
		return super.createTable(table);
	}

	@Override
	protected String createIndex(Index index) {
		String origin = "createIndex " + index.name();
		StringBuilder sql = new StringBuilder("CREATE ").append(index.isUnique() ? "UNIQUE " : "")
			.append("INDEX ")
			.append(dialect().quote(index.table().sibling(index.name()), origin + ": index name"))
			.append(" ON ")
			.append(quote(index.table().name(), origin + ": table name"))
			.append(" (")
			.append(columnList(index.columns(), origin + ": column"))
			.append(")");
		if (index.where() != null) {
			sql.append(" WHERE ").append(index.where());
		}
		return sql.toString();
	}
}
