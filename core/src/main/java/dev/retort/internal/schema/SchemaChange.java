package dev.retort.internal.schema;

import java.util.Comparator;
import java.util.List;

import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.catalog.EnumTypeSnapshot;
import dev.retort.internal.catalog.ForeignKeySnapshot;
import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.SchemaType;
import dev.retort.internal.catalog.SequenceSnapshot;
import dev.retort.internal.catalog.TableObject;
import dev.retort.internal.catalog.TableSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * One step from the current schema towards the wanted one. Every change carries the state it
 * replaces, so {@link #reverse()} is its exact inverse: a downgrade is the reversed list of
 * reversed changes. Changes order themselves by {@link #phase()}, then table, then name
 * ({@link #ORDER}): types and sequences, tables, columns, alterations, keys, checks and indexes,
 * foreign keys last; drops in the mirror order, before everything else.
 * <p>
 * Longer than the usual 400 lines on purpose: the whole sealed family lives here, so that each
 * change sits next to its inverse and the phase numbers can be read together.
 */
public sealed interface SchemaChange {

	/** The order of an upgrade: phase, then table, then object name. */
	Comparator<SchemaChange> ORDER = Comparator.comparingInt(SchemaChange::phase)
		.thenComparing(SchemaChange::table)
		.thenComparing(SchemaChange::objectName);

	/** The inverse change. */
	SchemaChange reverse();

	/** Position in an upgrade: 0 (foreign keys dropped) to 10 (types dropped). */
	int phase();

	/** The table changed, or {@code ""} for a type or sequence. */
	String table();

	/** The name of the table, column, object or type changed. */
	String objectName();

	/** Whether data is lost (drops, narrowing a type, dropping enum labels). */
	default boolean destructive() {
		return false;
	}

	/** Whether it may fail on existing rows (NOT NULL, new unique/foreign key/check on an existing table). */
	default boolean dataDependent() {
		return false;
	}

	/** A "possible rename" note, or {@code null}. */
	default @Nullable String renameHint() {
		return null;
	}

	/** One line: what changes, then review markers. */
	default String describe() {
		StringBuilder text = new StringBuilder(text());
		if (destructive()) {
			text.append("  [destructive]");
		}
		if (dataDependent()) {
			text.append("  [may fail on existing data]");
		}
		if (renameHint() != null) {
			text.append("  [").append(renameHint()).append(']');
		}
		return text.toString();
	}

	/** What changes, without markers. */
	String text();

	/** The downgrade of an upgrade: the reversed list of reversed changes. */
	static List<SchemaChange> reverseAll(List<SchemaChange> upgrade) {
		List<SchemaChange> downgrade = new java.util.ArrayList<>(upgrade.size());
		for (int i = upgrade.size() - 1; i >= 0; i--) {
			downgrade.add(upgrade.get(i).reverse());
		}
		return List.copyOf(downgrade);
	}

	/** A rename hint seen from the other direction: "possible rename of x" and "possible rename to x" swap. */
	private static @Nullable String turned(@Nullable String hint) {
		if (hint == null) {
			return null;
		}
		return hint.startsWith("possible rename of ") ? "possible rename to " + hint.substring(19)
				: hint.startsWith("possible rename to ") ? "possible rename of " + hint.substring(19) : hint;
	}

	// ---------------------------------------------------------------- types and sequences

	/**
	 * {@code CREATE SEQUENCE} / {@code CREATE TYPE ... AS ENUM}.
	 * @param type the sequence or enum type
	 */
	record CreateType(SchemaType type) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new DropType(this.type);
		}

		@Override
		public int phase() {
			return 4;
		}

		@Override
		public String table() {
			return "";
		}

		@Override
		public String objectName() {
			return this.type.name();
		}

		@Override
		public String text() {
			return "create " + this.type.describe();
		}
	}

	/**
	 * {@code DROP SEQUENCE} / {@code DROP TYPE}.
	 * @param type the sequence or enum type dropped
	 */
	record DropType(SchemaType type) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new CreateType(this.type);
		}

		@Override
		public int phase() {
			return 10;
		}

		@Override
		public String table() {
			return "";
		}

		@Override
		public String objectName() {
			return this.type.name();
		}

		@Override
		public boolean destructive() {
			return true;
		}

		@Override
		public String text() {
			return "drop " + this.type.describe();
		}
	}

	/**
	 * Changes a sequence's options.
	 * @param from the sequence now
	 * @param to the sequence wanted
	 */
	record AlterSequence(SequenceSnapshot from, SequenceSnapshot to) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new AlterSequence(this.to, this.from);
		}

		@Override
		public int phase() {
			return 4;
		}

		@Override
		public String table() {
			return "";
		}

		@Override
		public String objectName() {
			return this.to.name();
		}

		@Override
		public String text() {
			return "alter " + this.from.describe() + " -> " + this.to.describe();
		}
	}

	/**
	 * Changes an enum type's labels.
	 * @param from the type now
	 * @param to the type wanted
	 * @param usedBy the {@code table.column}s of that type, which are converted with it
	 */
	record AlterEnumType(EnumTypeSnapshot from, EnumTypeSnapshot to, List<String> usedBy) implements SchemaChange {

		public AlterEnumType {
			usedBy = List.copyOf(usedBy);
		}

		@Override
		public SchemaChange reverse() {
			return new AlterEnumType(this.to, this.from, this.usedBy);
		}

		@Override
		public int phase() {
			return 4;
		}

		@Override
		public String table() {
			return "";
		}

		@Override
		public String objectName() {
			return this.to.name();
		}

		@Override
		public boolean destructive() {
			return !this.to.labels().containsAll(this.from.labels());
		}

		@Override
		public String text() {
			return "alter " + this.from.describe() + " -> ('" + String.join("', '", this.to.labels()) + "')";
		}
	}

	// ---------------------------------------------------------------- tables

	/**
	 * {@code CREATE TABLE} with columns, primary key, unique and check constraints (indexes and
	 * foreign keys are separate changes).
	 * @param snapshot the table's {@link TableSnapshot#core() core}
	 */
	record CreateTable(TableSnapshot snapshot) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new DropTable(this.snapshot);
		}

		@Override
		public int phase() {
			return 5;
		}

		@Override
		public String table() {
			return this.snapshot.name();
		}

		@Override
		public String objectName() {
			return "";
		}

		@Override
		public String text() {
			return "create table " + this.snapshot.name();
		}
	}

	/**
	 * {@code DROP TABLE} (its indexes and foreign keys are dropped by earlier changes).
	 * @param snapshot the table's core, as it was
	 */
	record DropTable(TableSnapshot snapshot) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new CreateTable(this.snapshot);
		}

		@Override
		public int phase() {
			return 3;
		}

		@Override
		public String table() {
			return this.snapshot.name();
		}

		@Override
		public String objectName() {
			return "";
		}

		@Override
		public boolean destructive() {
			return true;
		}

		@Override
		public String text() {
			return "drop table " + this.snapshot.name();
		}
	}

	// ---------------------------------------------------------------- columns

	/**
	 * {@code ADD COLUMN} to an existing table.
	 * @param table the table
	 * @param column the column
	 * @param renameHint "possible rename of ..." when a dropped column has the same shape, or {@code null}
	 */
	record AddColumn(String table, ColumnSnapshot column, @Nullable String renameHint) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new DropColumn(this.table, this.column, turned(this.renameHint));
		}

		@Override
		public int phase() {
			return 6;
		}

		@Override
		public String objectName() {
			return this.column.name();
		}

		@Override
		public boolean dataDependent() {
			return !this.column.nullable() && this.column.defaultExpression() == null && !this.column.identity();
		}

		@Override
		public String text() {
			return "add column " + this.table + "." + this.column.describe();
		}
	}

	/**
	 * {@code DROP COLUMN}.
	 * @param table the table
	 * @param column the column as it was
	 * @param renameHint "possible rename to ..." when an added column has the same shape, or {@code null}
	 */
	record DropColumn(String table, ColumnSnapshot column, @Nullable String renameHint) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new AddColumn(this.table, this.column, turned(this.renameHint));
		}

		@Override
		public int phase() {
			return 2;
		}

		@Override
		public String objectName() {
			return this.column.name();
		}

		@Override
		public boolean destructive() {
			return true;
		}

		@Override
		public String text() {
			return "drop column " + this.table + "." + this.column.describe();
		}
	}

	/**
	 * Changes a column's type, nullability, default (identity changes are not expressible).
	 * @param table the table
	 * @param from the column now
	 * @param to the column wanted (same name)
	 */
	record AlterColumn(String table, ColumnSnapshot from, ColumnSnapshot to) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new AlterColumn(this.table, this.to, this.from);
		}

		@Override
		public int phase() {
			return 7;
		}

		@Override
		public String objectName() {
			return this.to.name();
		}

		@Override
		public boolean destructive() {
			return TypeWidth.narrows(this.from, this.to);
		}

		@Override
		public boolean dataDependent() {
			return (this.from.nullable() && !this.to.nullable()) || TypeWidth.changesBase(this.from, this.to);
		}

		@Override
		public String text() {
			return "alter column " + this.table + "." + this.from.describe() + " -> " + this.to.describe();
		}
	}

	/**
	 * Renames a column (from the rename map; never guessed).
	 * @param table the table
	 * @param from the column under its old name
	 * @param to the same column under its new name
	 */
	record RenameColumn(String table, ColumnSnapshot from, ColumnSnapshot to) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new RenameColumn(this.table, this.to, this.from);
		}

		@Override
		public int phase() {
			return 6;
		}

		@Override
		public String objectName() {
			return this.from.name();
		}

		@Override
		public String text() {
			return "rename column " + this.table + "." + this.from.name() + " to " + this.to.name();
		}
	}

	// ---------------------------------------------------------------- keys, checks, indexes, foreign keys

	/**
	 * Adds a primary key, unique or check constraint, index or foreign key.
	 * @param table the table
	 * @param object the object, under the name it will have
	 * @param withTable whether the table is created by the same change list (so it holds no rows)
	 */
	record AddObject(String table, TableObject object, boolean withTable) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new DropObject(this.table, this.object, this.withTable);
		}

		@Override
		public int phase() {
			return (this.object instanceof ForeignKeySnapshot) ? 9 : 8;
		}

		@Override
		public String objectName() {
			return this.object.name();
		}

		@Override
		public boolean dataDependent() {
			return !this.withTable && !(this.object instanceof IndexSnapshot i && !i.unique());
		}

		@Override
		public String text() {
			return "add " + this.object.kind() + " " + this.object.name() + " on " + this.table + " "
					+ this.object.signature();
		}
	}

	/**
	 * Drops a primary key, unique or check constraint, index or foreign key.
	 * @param table the table
	 * @param object the object as it is
	 * @param withTable whether the table is dropped by the same change list
	 */
	record DropObject(String table, TableObject object, boolean withTable) implements SchemaChange {

		@Override
		public SchemaChange reverse() {
			return new AddObject(this.table, this.object, this.withTable);
		}

		@Override
		public int phase() {
			return (this.object instanceof ForeignKeySnapshot) ? 0 : 1;
		}

		@Override
		public String objectName() {
			return this.object.name();
		}

		@Override
		public String text() {
			return "drop " + this.object.kind() + " " + this.object.name() + " on " + this.table + " "
					+ this.object.signature();
		}
	}
}
