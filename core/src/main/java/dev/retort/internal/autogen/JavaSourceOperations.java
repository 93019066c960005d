package dev.retort.internal.autogen;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.retort.AlterColumn;
import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.CoreErrorCode;
import dev.retort.DefaultValue;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.JdbcHelper;
import dev.retort.Operations;
import dev.retort.PrimaryKey;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.SqlType;
import dev.retort.TableElement;
import dev.retort.UniqueConstraint;
import dev.retort.internal.database.SqlDialect;

import org.jspecify.annotations.Nullable;

/**
 * Records the DSL calls a change makes as Java source ({@code op.createTable(...)},
 * {@code op.alterColumn(AlterColumn.of(...).type(SqlType.varchar(200)))}, ...), for a Java revision
 * that runs on any engine. What is only expressible in the scratch engine's terms (an {@code execute}
 * statement, a raw type, an expression default, a check or index condition as the engine stores it,
 * a {@code USING} clause) is rendered too, and listed by {@link #engineSpecific()} so that the step
 * carries a comment saying so.
 */
final class JavaSourceOperations implements Operations {

	private final SqlDialect dialect;

	private final List<String> lines = new ArrayList<>();

	private final List<String> engineSpecific = new ArrayList<>();

	JavaSourceOperations(SqlDialect dialect) {
		this.dialect = dialect;
	}

	/** The Java statements recorded, one a line, without indentation. */
	List<String> lines() {
		return this.lines;
	}

	/** What in the recorded calls is written for the scratch engine only; empty when they are neutral. */
	List<String> engineSpecific() {
		return this.engineSpecific.stream().distinct().toList();
	}

	@Override
	public SqlDialect dialect() {
		return this.dialect;
	}

	@Override
	public boolean isOffline() {
		return true;
	}

	@Override
	public void run(SchemaOperation operation) {
		this.lines.add(call(operation) + ";");
	}

	@Override
	public void execute(String sql, @Nullable Object... params) {
		this.engineSpecific.add("SQL statement (the DSL has no call for it)");
		this.lines.add("op.execute(" + RevisionRenderer.literal(sql) + ");");
	}

	@Override
	public void bulkInsert(String table, List<? extends Map<String, ?>> rows) {
		throw notRecorded("bulkInsert");
	}

	@Override
	public Connection connection() {
		throw notRecorded("connection");
	}

	@Override
	public JdbcHelper jdbc() {
		throw notRecorded("jdbc");
	}

	private static RetortException notRecorded(String what) {
		return new RetortException(CoreErrorCode.INVALID_OPERATION, what + " is not part of a generated revision");
	}

	private String call(SchemaOperation operation) {
		if (operation instanceof SchemaOperation.CreateTable c) {
			String elements = c.table().elements().stream().map(e -> "\n\t\t" + element(e))
				.collect(Collectors.joining(","));
			return "op.createTable(" + name(c.table().name()) + "," + elements + ")";
		}
		if (operation instanceof SchemaOperation.DropTable d) {
			return "op.dropTable(" + name(d.table()) + ")";
		}
		if (operation instanceof SchemaOperation.RenameTable r) {
			return "op.renameTable(" + name(r.table()) + ", " + id(r.newName()) + ")";
		}
		if (operation instanceof SchemaOperation.AddColumn a) {
			return "op.addColumn(" + name(a.table()) + ", " + column(a.column()) + ")";
		}
		if (operation instanceof SchemaOperation.DropColumn d) {
			return "op.dropColumn(" + name(d.table()) + ", " + id(d.column()) + ")";
		}
		if (operation instanceof AlterColumn a) {
			return "op.alterColumn(" + alteration(a) + ")";
		}
		if (operation instanceof Index i) {
			return "op.createIndex(" + indexCall(i) + ")";
		}
		if (operation instanceof SchemaOperation.DropIndex d) {
			return "op.dropIndex(" + name(d.index()) + ((d.table() != null) ? ", " + name(d.table()) : "") + ")";
		}
		if (operation instanceof SchemaOperation.AddConstraint a) {
			return addConstraint(name(a.table()), a.constraint());
		}
		SchemaOperation.DropConstraint d = (SchemaOperation.DropConstraint) operation;
		return "op.dropConstraint(" + id(d.name()) + ", " + name(d.table())
				+ ((d.type() != null) ? ", ConstraintType." + d.type().name() : "") + ")";
	}

	private String addConstraint(String table, TableElement constraint) {
		if (constraint instanceof ForeignKey f) {
			return "op.createForeignKey(" + table + ", " + foreignKey(f) + ")";
		}
		if (constraint instanceof UniqueConstraint u && u.name() != null) {
			return "op.createUniqueConstraint(" + id(u.name()) + ", " + table + columnArgs(u.columns()) + ")";
		}
		if (constraint instanceof PrimaryKey p && p.name() != null) {
			return "op.createPrimaryKey(" + id(p.name()) + ", " + table + columnArgs(p.columns()) + ")";
		}
		if (constraint instanceof CheckConstraint c && c.name() != null) {
			this.engineSpecific.add("check condition as the engine stores it");
			return "op.createCheckConstraint(" + id(c.name()) + ", " + table + ", " + str(c.condition()) + ")";
		}
		return "op.run(new SchemaOperation.AddConstraint(QualifiedName.parse(" + table + "), " + element(constraint)
				+ "))";
	}

	private String element(TableElement element) {
		if (element instanceof Column c) {
			return column(c);
		}
		if (element instanceof PrimaryKey p) {
			return "new PrimaryKey(" + nullableId(p.name()) + ", " + list(p.columns()) + ")";
		}
		if (element instanceof UniqueConstraint u) {
			return "new UniqueConstraint(" + nullableId(u.name()) + ", " + list(u.columns()) + ")";
		}
		if (element instanceof CheckConstraint c) {
			this.engineSpecific.add("check condition as the engine stores it");
			return "new CheckConstraint(" + nullableId(c.name()) + ", " + str(c.condition()) + ")";
		}
		return foreignKey((ForeignKey) element);
	}

	private String column(Column c) {
		StringBuilder out = new StringBuilder("Column.of(").append(id(c.name())).append(", ").append(type(c.type()))
			.append(')');
		if (!c.nullable()) {
			out.append(".notNull()");
		}
		if (c.isPrimaryKey()) {
			out.append(".primaryKey()");
		}
		if (c.isUnique()) {
			out.append(".unique()");
		}
		if (c.isAutoincrement()) {
			out.append(".autoincrement()");
		}
		if (c.serverDefault() != null) {
			out.append(defaultCall(c.serverDefault(), "defaultValue", "defaultExpression"));
		}
		return out.toString();
	}

	private String alteration(AlterColumn a) {
		StringBuilder out = new StringBuilder("AlterColumn.of(").append(name(a.table())).append(", ")
			.append(id(a.column())).append(')');
		if (a.type() != null) {
			out.append(".type(").append(type(a.type())).append(')');
		}
		if (a.using() != null) {
			this.engineSpecific.add("USING conversion");
			out.append(".using(").append(str(a.using())).append(')');
		}
		if (a.nullable() != null) {
			out.append(".nullable(").append(a.nullable()).append(')');
		}
		if (a.serverDefault() != null) {
			out.append(defaultCall(a.serverDefault(), "defaultValue", "defaultExpression"));
		}
		if (a.dropsServerDefault()) {
			out.append(".dropServerDefault()");
		}
		if (a.newName() != null) {
			out.append(".renameTo(").append(id(a.newName())).append(')');
		}
		if (a.existingType() != null) {
			out.append(".existingType(").append(type(a.existingType())).append(')');
		}
		if (a.existingNullable() != null) {
			out.append(".existingNullable(").append(a.existingNullable()).append(')');
		}
		if (a.existingServerDefault() != null) {
			out.append(".existingServerDefault(").append(defaultValue(a.existingServerDefault())).append(')');
		}
		if (a.existingAutoincrement()) {
			out.append(".existingAutoincrement(true)");
		}
		return out.toString();
	}

	private String indexCall(Index i) {
		StringBuilder out = new StringBuilder("Index.of(").append(id(i.name())).append(", ").append(name(i.table()))
			.append(columnArgs(i.columns())).append(')');
		if (i.isUnique()) {
			out.append(".unique()");
		}
		if (i.where() != null) {
			this.engineSpecific.add("index condition as the engine stores it");
			out.append(".where(").append(str(i.where())).append(')');
		}
		if (i.isConcurrently()) {
			out.append(".concurrently()");
		}
		return out.toString();
	}

	private String foreignKey(ForeignKey f) {
		StringBuilder out = new StringBuilder("ForeignKey.of(").append(list(f.columns())).append(", ")
			.append(name(f.referencedTable())).append(", ").append(list(f.referencedColumns())).append(')');
		if (f.name() != null) {
			out.append(".named(").append(id(f.name())).append(')');
		}
		if (f.onDelete() != null) {
			out.append(".onDelete(ReferentialAction.").append(f.onDelete().name()).append(')');
		}
		if (f.onUpdate() != null) {
			out.append(".onUpdate(ReferentialAction.").append(f.onUpdate().name()).append(')');
		}
		return out.toString();
	}

	private String type(SqlType type) {
		return switch (type.kind()) {
			case SMALLINT -> "SqlType.smallint()";
			case INTEGER -> "SqlType.integer()";
			case BIGINT -> "SqlType.bigint()";
			case DECIMAL -> "SqlType.decimal(" + type.length() + ", " + type.scale() + ")";
			case REAL -> "SqlType.real()";
			case DOUBLE -> "SqlType.doublePrecision()";
			case BOOLEAN -> "SqlType.bool()";
			case CHAR -> "SqlType.charType(" + type.length() + ")";
			case VARCHAR -> "SqlType.varchar(" + type.length() + ")";
			case TEXT -> "SqlType.text()";
			case DATE -> "SqlType.date()";
			case TIME -> "SqlType.time()";
			case TIMESTAMP -> "SqlType.timestamp()";
			case TIMESTAMP_WITH_TIME_ZONE -> "SqlType.timestampWithTimeZone()";
			case UUID -> "SqlType.uuid()";
			case VARBINARY -> "SqlType.varbinary(" + type.length() + ")";
			case BLOB -> "SqlType.blob()";
			case JSON -> "SqlType.json()";
			case RAW -> {
				this.engineSpecific.add("type " + type.rawSql());
				yield "SqlType.raw(" + str(String.valueOf(type.rawSql())) + ")";
			}
		};
	}

	private String defaultCall(DefaultValue value, String literalMethod, String expressionMethod) {
		if (value instanceof DefaultValue.Literal l) {
			return "." + literalMethod + "(" + value(l.value()) + ")";
		}
		String sql = ((DefaultValue.Expression) value).sql();
		if (!sql.equals("CURRENT_TIMESTAMP")) {
			this.engineSpecific.add("default " + sql);
		}
		return "." + expressionMethod + "(" + str(sql) + ")";
	}

	private String defaultValue(DefaultValue value) {
		if (value instanceof DefaultValue.Literal l) {
			return "DefaultValue.literal(" + value(l.value()) + ")";
		}
		String sql = ((DefaultValue.Expression) value).sql();
		if (!sql.equals("CURRENT_TIMESTAMP")) {
			this.engineSpecific.add("default " + sql);
		}
		return "DefaultValue.expression(" + str(sql) + ")";
	}

	private static String value(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String s) {
			return str(s);
		}
		if (value instanceof Long l) {
			return l + "L";
		}
		if (value instanceof BigDecimal d) {
			return "new java.math.BigDecimal(" + str(d.toPlainString()) + ")";
		}
		if (value instanceof Boolean || value instanceof Integer) {
			return value.toString();
		}
		throw new RetortException(CoreErrorCode.INVALID_OPERATION, "Cannot write the default " + value + " in Java");
	}

	private String columnArgs(List<String> columns) {
		return columns.stream().map(c -> ", " + id(c)).collect(Collectors.joining());
	}

	private String list(List<String> identifiers) {
		return "List.of(" + identifiers.stream().map(this::id).collect(Collectors.joining(", ")) + ")";
	}

	private String name(QualifiedName name) {
		String table = neutralCase(name.name());
		return str((name.schema() != null) ? neutralCase(name.schema()) + "." + table : table);
	}

	private String nullableId(@Nullable String identifier) {
		return (identifier != null) ? id(identifier) : "null";
	}

	/** An identifier as a Java string, in the DSL's neutral case. */
	private String id(String identifier) {
		return str(neutralCase(identifier));
	}

	/**
	 * The DSL folds a lower-case name to the engine's case for unquoted names (H2: upper case), so a name
	 * stored in that folded case is written in lower case, and means the same name on every engine.
	 */
	private String neutralCase(String identifier) {
		String lower = identifier.toLowerCase(java.util.Locale.ROOT);
		return this.dialect.storedName(lower).equals(identifier) ? lower : identifier;
	}

	private static String str(String value) {
		return RevisionRenderer.literal(value);
	}
}
