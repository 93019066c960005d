package dev.retort.internal.database;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.retort.AlterColumn;
import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.CoreErrorCode;
import dev.retort.DefaultValue;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.QualifiedName;
import dev.retort.ReferentialAction;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.TableElement;
import dev.retort.UniqueConstraint;

/**
 * Turns {@link SchemaOperation}s into SQL statements for one dialect, without a database. Every
 * identifier goes through {@link SqlDialect#quote(String, String)}; conditions, default expressions
 * and {@code USING} expressions are SQL written by the revision's author and are rendered as given.
 * Statements carry no terminator.
 */
public abstract class SqlRenderer {

	private final SqlDialect dialect;

	protected SqlRenderer(SqlDialect dialect) {
		this.dialect = dialect;
	}

	/** The renderer for a dialect ({@link SqlDialect#newRenderer()}). */
	public static SqlRenderer forDialect(SqlDialect dialect) {
		return dialect.newRenderer();
	}

	/** The dialect rendered for. */
	public SqlDialect dialect() {
		return this.dialect;
	}

	/** The statements that perform one operation, in order. */
	public List<String> render(SchemaOperation operation) {
		if (operation instanceof SchemaOperation.CreateTable o) {
			return List.of(createTable(o.table()));
		}
		if (operation instanceof SchemaOperation.DropTable o) {
			return List.of("DROP TABLE " + table(o.table(), "dropTable"));
		}
		if (operation instanceof SchemaOperation.RenameTable o) {
			return List.of(renameTable(o));
		}
		if (operation instanceof SchemaOperation.AddColumn o) {
			String origin = "addColumn " + o.table();
			return List.of("ALTER TABLE " + table(o.table(), "addColumn") + " ADD COLUMN "
					+ columnDefinition(o.column(), o.column().isPrimaryKey(), origin));
		}
		if (operation instanceof SchemaOperation.DropColumn o) {
			return List.of("ALTER TABLE " + table(o.table(), "dropColumn") + " DROP COLUMN "
					+ quote(o.column(), "dropColumn " + o.table() + ": column name"));
		}
		if (operation instanceof AlterColumn o) {
			if (!o.changesSomething()) {
				throw new RetortException(CoreErrorCode.INVALID_OPERATION, "alterColumn " + o.table() + "." + o.column() + " changes nothing");
			}
			return alterColumn(o);
		}
		if (operation instanceof Index o) {
			return List.of(createIndex(o));
		}
		if (operation instanceof SchemaOperation.DropIndex o) {
			return List.of(dropIndex(o));
		}
		if (operation instanceof SchemaOperation.AddConstraint o) {
			String origin = "add constraint on " + o.table();
			if (constraintName(o.constraint()) == null) {
				throw new RetortException(CoreErrorCode.INVALID_OPERATION, "A constraint added to existing table " + o.table() + " needs a name");
			}
			return List.of("ALTER TABLE " + table(o.table(), origin) + " ADD "
					+ constraint(o.constraint(), o.table(), origin));
		}
		if (operation instanceof SchemaOperation.DropConstraint o) {
			return List.of(dropConstraint(o));
		}
		throw new IllegalStateException("Unknown operation " + operation);
	}

	/** {@code INSERT INTO t (a, b) VALUES (?, ?)}. */
	public String insertSql(QualifiedName table, List<String> columns) {
		String origin = "bulkInsert " + table;
		if (columns.isEmpty()) {
			throw new RetortException(CoreErrorCode.INVALID_OPERATION, "bulkInsert into " + table + ": a row has no columns");
		}
		return "INSERT INTO " + table(table, origin) + " (" + this.dialect.quoteAll(columns, origin + ": column")
				+ ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
	}

	/** The statement with each {@code ?} replaced by the literal of the matching parameter (offline SQL). */
	public String inlineParameters(String sql, List<?> params) {
		return Placeholders.inline(sql, params, this.dialect);
	}

	// ---------------------------------------------------------------- operations

	protected String createTable(Table table) {
		String origin = "createTable " + table.name();
		List<String> pkColumns = table.elements()
			.stream()
			.filter(e -> e instanceof Column c && c.isPrimaryKey())
			.map(e -> ((Column) e).name())
			.toList();
		boolean hasPkConstraint = table.elements().stream().anyMatch(PrimaryKey.class::isInstance);
		if (hasPkConstraint && !pkColumns.isEmpty()) {
			throw new RetortException(CoreErrorCode.INVALID_OPERATION, origin + ": columns marked primaryKey() and a PrimaryKey constraint both given");
		}
		List<String> parts = new ArrayList<>();
		for (TableElement element : table.elements()) {
			if (element instanceof Column column) {
				parts.add(columnDefinition(column, pkColumns.size() == 1, origin));
			}
		}
		if (pkColumns.size() > 1) {
			parts.add("PRIMARY KEY (" + this.dialect.quoteAll(pkColumns, origin + ": primary key column") + ")");
		}
		for (TableElement element : table.elements()) {
			if (!(element instanceof Column)) {
				parts.add(constraint(element, table.name(), origin));
			}
		}
		return "CREATE TABLE " + table(table.name(), origin) + " (" + String.join(", ", parts) + ")";
	}

	protected String renameTable(SchemaOperation.RenameTable o) {
		return "ALTER TABLE " + table(o.table(), "renameTable") + " RENAME TO "
				+ quote(o.newName(), "renameTable " + o.table() + ": new name");
	}

	protected abstract List<String> alterColumn(AlterColumn o);

	protected abstract String createIndex(Index index);

	protected String dropIndex(SchemaOperation.DropIndex o) {
		QualifiedName index = o.index();
		if (index.schema() == null && o.table() != null) {
			index = index.withSchemaIfAbsent(o.table().schema());
		}
		return "DROP INDEX " + this.dialect.quote(index, "dropIndex: index name");
	}

	protected String dropConstraint(SchemaOperation.DropConstraint o) {
		String origin = "dropConstraint " + o.table();
		return "ALTER TABLE " + table(o.table(), origin) + " DROP CONSTRAINT "
				+ quote(o.name(), origin + ": constraint name");
	}

	// ---------------------------------------------------------------- pieces

	/**
	 * A column definition for {@code CREATE TABLE} / {@code ADD COLUMN}.
	 * @param inlinePrimaryKey whether a primary-key column says {@code PRIMARY KEY} itself
	 */
	protected String columnDefinition(Column column, boolean inlinePrimaryKey, String origin) {
		StringBuilder sql = new StringBuilder(quote(column.name(), origin + ": column name"));
		sql.append(' ').append(columnTail(column.type(), column.nullable(), column.serverDefault(),
				column.isAutoincrement()));
		if (column.isPrimaryKey() && inlinePrimaryKey) {
			sql.append(" PRIMARY KEY");
		}
		if (column.isUnique()) {
			sql.append(" UNIQUE");
		}
		return sql.toString();
	}

	/** Type, generation, default and nullability, in this dialect's order. */
	protected String columnTail(SqlType type, boolean nullable, @Nullable DefaultValue serverDefault,
			boolean autoincrement) {
		StringBuilder sql = new StringBuilder(this.dialect.typeName(type));
		if (autoincrement) {
			sql.append(' ').append(this.dialect.identityClause());
		}
		if (serverDefault != null) {
			sql.append(" DEFAULT ").append(defaultSql(serverDefault));
		}
		if (!nullable) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

	/** The SQL of a default: a literal or the expression as given. */
	protected String defaultSql(DefaultValue value) {
		if (value instanceof DefaultValue.Expression e) {
			return e.sql();
		}
		return this.dialect.literal(((DefaultValue.Literal) value).value());
	}

	/** A table constraint ({@code CONSTRAINT n ...}). */
	protected String constraint(TableElement element, QualifiedName table, String origin) {
		String name = constraintName(element);
		String prefix = (name != null) ? "CONSTRAINT " + quote(name, origin + ": constraint name") + " " : "";
		if (element instanceof PrimaryKey pk) {
			return prefix + "PRIMARY KEY (" + this.dialect.quoteAll(pk.columns(), origin + ": primary key column")
					+ ")";
		}
		if (element instanceof UniqueConstraint uq) {
			return prefix + "UNIQUE (" + this.dialect.quoteAll(uq.columns(), origin + ": unique column") + ")";
		}
		if (element instanceof CheckConstraint ck) {
			return prefix + "CHECK (" + ck.condition() + ")";
		}
		ForeignKey fk = (ForeignKey) element;
		StringBuilder sql = new StringBuilder(prefix).append("FOREIGN KEY (")
			.append(this.dialect.quoteAll(fk.columns(), origin + ": foreign key column"))
			.append(") REFERENCES ")
			.append(this.dialect.quote(fk.referencedTable().withSchemaIfAbsent(table.schema()),
					origin + ": referenced table"))
			.append(" (")
			.append(this.dialect.quoteAll(fk.referencedColumns(), origin + ": referenced column"))
			.append(")");
		if (fk.onDelete() != null) {
			sql.append(" ON DELETE ").append(referentialAction(fk.onDelete()));
		}
		if (fk.onUpdate() != null) {
			sql.append(" ON UPDATE ").append(referentialAction(fk.onUpdate()));
		}
		return sql.toString();
	}

	protected String referentialAction(ReferentialAction action) {
		return action.sql();
	}

	protected static @Nullable String constraintName(TableElement element) {
		if (element instanceof PrimaryKey pk) {
			return pk.name();
		}
		if (element instanceof UniqueConstraint uq) {
			return uq.name();
		}
		if (element instanceof CheckConstraint ck) {
			return ck.name();
		}
		if (element instanceof ForeignKey fk) {
			return fk.name();
		}
		return null;
	}

	protected String table(QualifiedName table, String origin) {
		return this.dialect.quote(table, origin + ": table name");
	}

	protected String quote(String identifier, String origin) {
		return this.dialect.quote(identifier, origin);
	}

	protected String columnList(List<String> columns, String origin) {
		return this.dialect.quoteAll(columns, origin);
	}

	protected RetortException unsupported(String message) {
		return new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT, message);
	}
}
