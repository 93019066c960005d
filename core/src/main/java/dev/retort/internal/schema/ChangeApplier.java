package dev.retort.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.retort.AlterColumn;
import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ConstraintType;
import dev.retort.CoreErrorCode;
import dev.retort.DefaultValue;
import dev.retort.ErrorCode;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.Operations;
import dev.retort.PrimaryKey;
import dev.retort.QualifiedName;
import dev.retort.ReferentialAction;
import dev.retort.RetortException;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.TableElement;
import dev.retort.UniqueConstraint;
import dev.retort.internal.catalog.CheckSnapshot;
import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.catalog.EnumTypeSnapshot;
import dev.retort.internal.catalog.ForeignKeySnapshot;
import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.PrimaryKeySnapshot;
import dev.retort.internal.catalog.SchemaType;
import dev.retort.internal.catalog.SequenceSnapshot;
import dev.retort.internal.catalog.TableObject;
import dev.retort.internal.catalog.TableSnapshot;
import dev.retort.internal.catalog.UniqueSnapshot;
import dev.retort.internal.database.SqlDialect;

import org.jspecify.annotations.Nullable;

/**
 * Runs {@link SchemaChange}s through the {@link Operations} DSL, so one change list runs live
 * ({@code LiveOperations}) and renders as SQL ({@code OfflineOperations}) alike. Types are passed as
 * the engine reported them ({@link SqlType#raw(String)}), defaults as expressions, so the result is
 * read back as it was read. PostgreSQL sequences, enum types and expression indexes have no DSL
 * method: they go through {@link Operations#execute(String, Object...)} with every identifier quoted
 * by the dialect.
 */
public final class ChangeApplier {

	private final Operations op;

	private final SqlDialect dialect;

	private final ColumnForms forms;

	public ChangeApplier(Operations op) {
		this(op, ColumnForms.AS_REPORTED);
	}

	/** @param forms how column types and defaults reach the DSL */
	public ChangeApplier(Operations op, ColumnForms forms) {
		this.op = op;
		this.dialect = (SqlDialect) op.dialect(); // every Operations of the engine gives its SqlDialect
		this.forms = forms;
	}

	/**
	 * Applies the changes in order.
	 * @throws RetortException {@link ErrorCode#UNSUPPORTED_BY_DIALECT} for a change the DSL cannot
	 * express (an identity added to or removed from a column), or the error of a failed statement
	 */
	public void apply(List<SchemaChange> changes) {
		changes.forEach(this::apply);
	}

	/** Applies one change. */
	public void apply(SchemaChange change) {
		if (change instanceof SchemaChange.CreateType c) {
			createType(c.type());
		}
		else if (change instanceof SchemaChange.DropType d) {
			this.op.execute(((d.type() instanceof SequenceSnapshot) ? "DROP SEQUENCE " : "DROP TYPE ")
					+ quote(d.type().name()));
		}
		else if (change instanceof SchemaChange.AlterSequence a) {
			this.op.execute("ALTER SEQUENCE " + quote(a.to().name()) + sequenceOptions(a.to()) + " START WITH "
					+ a.to().start());
		}
		else if (change instanceof SchemaChange.AlterEnumType a) {
			alterEnumType(a);
		}
		else if (change instanceof SchemaChange.CreateTable c) {
			this.op.createTable(table(c.snapshot()));
		}
		else if (change instanceof SchemaChange.DropTable d) {
			this.op.dropTable(d.snapshot().name());
		}
		else if (change instanceof SchemaChange.AddColumn a) {
			this.op.addColumn(a.table(), column(a.column()));
		}
		else if (change instanceof SchemaChange.DropColumn d) {
			this.op.dropColumn(d.table(), d.column().name());
		}
		else if (change instanceof SchemaChange.AlterColumn a) {
			alterColumn(a);
		}
		else if (change instanceof SchemaChange.RenameColumn r) {
			this.op.alterColumn(existing(AlterColumn.of(r.table(), r.from().name()), r.from()).renameTo(r.to().name()));
		}
		else if (change instanceof SchemaChange.AddObject a) {
			addObject(a.table(), a.object());
		}
		else if (change instanceof SchemaChange.DropObject d) {
			dropObject(d.table(), d.object());
		}
	}

	// ---------------------------------------------------------------- types

	private void createType(SchemaType type) {
		if (type instanceof SequenceSnapshot s) {
			this.op.execute("CREATE SEQUENCE " + quote(s.name()) + sequenceOptions(s) + " START WITH " + s.start());
		}
		else {
			EnumTypeSnapshot e = (EnumTypeSnapshot) type;
			this.op.execute("CREATE TYPE " + quote(e.name()) + " AS ENUM (" + labels(e) + ")");
		}
	}

	private String sequenceOptions(SequenceSnapshot s) {
		if (!s.dataType().matches("[a-z ]+")) {
			throw unsupported("sequence " + s.name() + " has type " + s.dataType());
		}
		return " AS " + s.dataType() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE "
				+ s.max() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
	}

	private String labels(EnumTypeSnapshot type) {
		return type.labels().stream().map(this.dialect::literal).collect(Collectors.joining(", "));
	}

	/**
	 * PostgreSQL cannot drop or reorder enum labels: the type is renamed aside, created anew, every
	 * column of the type converted through text, and the old type dropped. Works both ways, so the
	 * change stays reversible (a column default of the type must be changed separately).
	 */
	private void alterEnumType(SchemaChange.AlterEnumType a) {
		String name = a.to().name();
		String aside = name + "_old";
		this.op.execute("ALTER TYPE " + quote(name) + " RENAME TO " + quote(aside));
		this.op.execute("CREATE TYPE " + quote(name) + " AS ENUM (" + labels(a.to()) + ")");
		for (String user : a.usedBy()) {
			int dot = user.lastIndexOf('.');
			String table = user.substring(0, dot);
			String column = quote(user.substring(dot + 1));
			this.op.execute("ALTER TABLE " + quote(table) + " ALTER COLUMN " + column + " TYPE " + quote(name)
					+ " USING " + column + "::text::" + quote(name));
		}
		this.op.execute("DROP TYPE " + quote(aside));
	}

	// ---------------------------------------------------------------- tables and columns

	private Table table(TableSnapshot snapshot) {
		List<TableElement> elements = new ArrayList<>();
		snapshot.columns().forEach(c -> elements.add(column(c)));
		PrimaryKeySnapshot pk = snapshot.primaryKey();
		if (pk != null) {
			elements.add(new PrimaryKey(inlineName(pk), pk.columns()));
		}
		snapshot.uniques().forEach(u -> elements.add(new UniqueConstraint(inlineName(u), u.columns())));
		snapshot.checks().forEach(c -> elements.add(new CheckConstraint(inlineName(c), c.expression())));
		return new Table(QualifiedName.of(null, snapshot.name()), elements);
	}

	/** Inside {@code CREATE TABLE} a generated name is left out, so the engine generates it again. */
	private static @Nullable String inlineName(TableObject object) {
		return object.generatedName() ? null : object.name();
	}

	private Column column(ColumnSnapshot c) {
		Column column = Column.of(c.name(), type(c)).nullable(c.nullable());
		if (c.identity()) {
			return column.autoincrement();
		}
		return column.serverDefault(defaultValue(c));
	}

	private SqlType type(ColumnSnapshot c) {
		return this.forms.type(c);
	}

	private @Nullable DefaultValue defaultValue(ColumnSnapshot c) {
		return this.forms.defaultValue(c);
	}

	private void alterColumn(SchemaChange.AlterColumn a) {
		ColumnSnapshot from = a.from();
		ColumnSnapshot to = a.to();
		if (from.identity() != to.identity()) {
			throw unsupported("column " + a.table() + "." + to.name() + ": adding or removing an identity ("
					+ from.describe() + " -> " + to.describe() + ")");
		}
		AlterColumn alter = existing(AlterColumn.of(a.table(), from.name()), from);
		if (!from.type().equals(to.type())) {
			alter = alter.type(type(to));
			// A neutral Java revision resizing within one base type needs no conversion expression.
			boolean resize = this.forms.neutral() && !TypeWidth.changesBase(from, to);
			String using = resize ? null : this.dialect.typeChangeUsing(quote(from.name()), to.type());
			if (using != null) {
				alter = alter.using(using);
			}
		}
		if (from.nullable() != to.nullable()) {
			alter = alter.nullable(to.nullable());
		}
		DefaultValue newDefault = defaultValue(to);
		boolean defaultChanges = !Objects.equals(from.defaultExpression(), to.defaultExpression());
		boolean mysqlRedefines = this.dialect.alterColumnRedefinesColumn()
				&& (alter.type() != null || alter.nullable() != null);
		if (defaultChanges || mysqlRedefines) {
			// MySQL redefines the whole column, so its default must be stated; elsewhere only on change.
			alter = (newDefault != null) ? alter.serverDefault(newDefault)
					: (from.defaultExpression() != null || mysqlRedefines) ? alter.dropServerDefault() : alter;
		}
		if (alter.changesSomething()) {
			this.op.alterColumn(alter);
		}
	}

	/** The column's current state, which MySQL/MariaDB need to redefine it offline. */
	private AlterColumn existing(AlterColumn alter, ColumnSnapshot from) {
		AlterColumn result = alter.existingType(type(from)).existingNullable(from.nullable())
			.existingAutoincrement(from.identity());
		DefaultValue current = defaultValue(from);
		return (current != null) ? result.existingServerDefault(current) : result;
	}

	// ---------------------------------------------------------------- objects

	private void addObject(String table, TableObject object) {
		if (object instanceof PrimaryKeySnapshot p) {
			// MariaDB/MySQL call every primary key PRIMARY and refuse that name in ADD CONSTRAINT.
			String name = p.name().equals("PRIMARY") ? "pk_" + table : p.name();
			this.op.createPrimaryKey(name, table, p.columns().toArray(String[]::new));
		}
		else if (object instanceof UniqueSnapshot u) {
			this.op.createUniqueConstraint(u.name(), table, u.columns().toArray(String[]::new));
		}
		else if (object instanceof CheckSnapshot c) {
			this.op.createCheckConstraint(c.name(), table, c.expression());
		}
		else if (object instanceof ForeignKeySnapshot f) {
			this.op.createForeignKey(table, foreignKey(f));
		}
		else {
			createIndex(table, (IndexSnapshot) object);
		}
	}

	private ForeignKey foreignKey(ForeignKeySnapshot f) {
		ForeignKey fk = ForeignKey.of(f.columns(), f.referencedTable(), f.referencedColumns()).named(f.name());
		if (f.onDelete() != ReferentialAction.NO_ACTION) {
			fk = fk.onDelete(f.onDelete());
		}
		if (f.onUpdate() != ReferentialAction.NO_ACTION) {
			fk = fk.onUpdate(f.onUpdate());
		}
		return fk;
	}

	private void createIndex(String table, IndexSnapshot index) {
		if (!index.hasExpressions()) {
			Index created = new Index(index.name(), QualifiedName.of(null, table), index.parts(), index.unique(),
					index.where(), false);
			this.op.createIndex(created);
			return;
		}
		if (!this.dialect.expressionIndexes()) {
			throw unsupported("expression index " + index.name() + " on " + table);
		}
		String parts = index.parts()
			.stream()
			.map(p -> p.startsWith("(") ? p : quote(p))
			.collect(Collectors.joining(", "));
		this.op.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
				+ quote(table) + " (" + parts + ")" + ((index.where() != null) ? " WHERE " + index.where() : ""));
	}

	private void dropObject(String table, TableObject object) {
		if (object instanceof PrimaryKeySnapshot p) {
			this.op.dropConstraint(p.name(), table, ConstraintType.PRIMARY_KEY);
		}
		else if (object instanceof UniqueSnapshot u) {
			this.op.dropConstraint(u.name(), table, ConstraintType.UNIQUE);
		}
		else if (object instanceof CheckSnapshot c) {
			this.op.dropConstraint(c.name(), table, ConstraintType.CHECK);
		}
		else if (object instanceof ForeignKeySnapshot f) {
			this.op.dropConstraint(f.name(), table, ConstraintType.FOREIGN_KEY);
			if (f.ownIndex()) {
				// MariaDB/MySQL keep the index they made for the key; it was never in the snapshot.
				this.op.dropIndex(f.name(), table);
			}
		}
		else {
			this.op.dropIndex(object.name(), table);
		}
	}

	private String quote(String identifier) {
		return this.dialect.quote(identifier, "schema change");
	}

	private static RetortException unsupported(String what) {
		return new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT,
				"Cannot express " + what + " with the Operations DSL; write this step of the revision by hand");
	}
}
