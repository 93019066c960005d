package dev.retort.internal.schema;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.retort.internal.catalog.CheckSnapshot;
import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.catalog.EnumTypeSnapshot;
import dev.retort.internal.catalog.ForeignKeySnapshot;
import dev.retort.internal.catalog.GeneratedNames;
import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.PrimaryKeySnapshot;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SequenceSnapshot;
import dev.retort.internal.catalog.TableObject;
import dev.retort.internal.catalog.TableSnapshot;
import dev.retort.internal.catalog.UniqueSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * Compares two snapshots of the same engine (current → wanted) into the ordered
 * {@link SchemaChange}s that turn one into the other. Tables, columns, sequences and types match by
 * name; keys, checks, indexes and foreign keys by name, except that an object whose name was
 * generated matches an unmatched object of the same structure. An object whose structure changed is
 * dropped and added again. The result is deterministic: the same snapshots give the same list.
 */
public final class SchemaDiffer {

	private final Renames renames;

	public SchemaDiffer(Renames renames) {
		this.renames = renames;
	}

	/** A differ without declared renames. */
	public SchemaDiffer() {
		this(Renames.NONE);
	}

	/** The changes from {@code current} to {@code wanted}, in upgrade order. */
	public List<SchemaChange> diff(SchemaSnapshot current, SchemaSnapshot wanted) {
		List<SchemaChange> changes = new ArrayList<>();
		diffEnumTypes(current, wanted, changes);
		diffSequences(current, wanted, changes);
		Map<String, TableSnapshot> now = byName(current.tables(), TableSnapshot::name);
		Map<String, TableSnapshot> want = byName(wanted.tables(), TableSnapshot::name);
		for (TableSnapshot table : want.values()) {
			TableSnapshot existing = now.get(table.name());
			if (existing == null) {
				createTable(table, changes);
			}
			else if (!existing.equals(table)) { // equal snapshots (the usual case in check) have nothing to diff
				diffTable(existing, table, changes);
			}
		}
		for (TableSnapshot table : now.values()) {
			if (!want.containsKey(table.name())) {
				dropTable(table, changes);
			}
		}
		changes.sort(SchemaChange.ORDER);
		return List.copyOf(changes);
	}

	// ---------------------------------------------------------------- types

	private void diffEnumTypes(SchemaSnapshot current, SchemaSnapshot wanted, List<SchemaChange> changes) {
		Map<String, EnumTypeSnapshot> now = byName(current.enumTypes(), EnumTypeSnapshot::name);
		Map<String, EnumTypeSnapshot> want = byName(wanted.enumTypes(), EnumTypeSnapshot::name);
		want.forEach((name, type) -> {
			EnumTypeSnapshot existing = now.get(name);
			if (existing == null) {
				changes.add(new SchemaChange.CreateType(type));
			}
			else if (!existing.equals(type)) {
				changes.add(new SchemaChange.AlterEnumType(existing, type, usersOf(current, name)));
			}
		});
		now.forEach((name, type) -> {
			if (!want.containsKey(name)) {
				changes.add(new SchemaChange.DropType(type));
			}
		});
	}

	/** The columns whose type is the enum type, as {@code table.column}. */
	private static List<String> usersOf(SchemaSnapshot schema, String typeName) {
		List<String> users = new ArrayList<>();
		for (TableSnapshot table : schema.tables()) {
			for (ColumnSnapshot column : table.columns()) {
				String type = column.type().replace("\"", "");
				if (type.equals(typeName) || type.endsWith("." + typeName)) {
					users.add(table.name() + "." + column.name());
				}
			}
		}
		return users;
	}

	private void diffSequences(SchemaSnapshot current, SchemaSnapshot wanted, List<SchemaChange> changes) {
		Map<String, SequenceSnapshot> now = byName(current.sequences(), SequenceSnapshot::name);
		Map<String, SequenceSnapshot> want = byName(wanted.sequences(), SequenceSnapshot::name);
		want.forEach((name, sequence) -> {
			SequenceSnapshot existing = now.get(name);
			if (existing == null) {
				changes.add(new SchemaChange.CreateType(sequence));
			}
			else if (!existing.equals(sequence)) {
				changes.add(new SchemaChange.AlterSequence(existing, sequence));
			}
		});
		now.forEach((name, sequence) -> {
			if (!want.containsKey(name)) {
				changes.add(new SchemaChange.DropType(sequence));
			}
		});
	}

	// ---------------------------------------------------------------- tables

	/** A new table: its core, then its indexes and foreign keys, each under an addable name. */
	private static void createTable(TableSnapshot table, List<SchemaChange> changes) {
		changes.add(new SchemaChange.CreateTable(table.core()));
		for (IndexSnapshot index : table.indexes()) {
			changes.add(new SchemaChange.AddObject(table.name(), addable(table.name(), index), true));
		}
		for (ForeignKeySnapshot fk : table.foreignKeys()) {
			changes.add(new SchemaChange.AddObject(table.name(), addable(table.name(), fk), true));
		}
	}

	/** A dropped table: its foreign keys and indexes under their own names, then the table. */
	private static void dropTable(TableSnapshot table, List<SchemaChange> changes) {
		for (ForeignKeySnapshot fk : table.foreignKeys()) {
			changes.add(new SchemaChange.DropObject(table.name(), fk, true));
		}
		for (IndexSnapshot index : table.indexes()) {
			changes.add(new SchemaChange.DropObject(table.name(), index, true));
		}
		changes.add(new SchemaChange.DropTable(table.core()));
	}

	private void diffTable(TableSnapshot now, TableSnapshot want, List<SchemaChange> changes) {
		String table = want.name();
		List<ColumnSnapshot> dropped = new ArrayList<>();
		List<ColumnSnapshot> added = new ArrayList<>();
		Map<String, ColumnSnapshot> nowColumns = byName(now.columns(), ColumnSnapshot::name);
		Map<String, ColumnSnapshot> wantColumns = byName(want.columns(), ColumnSnapshot::name);
		for (ColumnSnapshot column : now.columns()) {
			ColumnSnapshot wanted = wantColumns.get(column.name());
			if (wanted == null) {
				dropped.add(column);
			}
			else if (!wanted.equals(column)) {
				changes.add(new SchemaChange.AlterColumn(table, column, wanted));
			}
		}
		for (ColumnSnapshot column : want.columns()) {
			if (!nowColumns.containsKey(column.name())) {
				added.add(column);
			}
		}
		declaredRenames(table, dropped, added, changes);
		for (ColumnSnapshot column : dropped) {
			changes.add(new SchemaChange.DropColumn(table, column, hint("possible rename to", column, added)));
		}
		for (ColumnSnapshot column : added) {
			changes.add(new SchemaChange.AddColumn(table, column, hint("possible rename of", column, dropped)));
		}
		diffObjects(table, now.objects(), want.objects(), changes);
	}

	private void declaredRenames(String table, List<ColumnSnapshot> dropped, List<ColumnSnapshot> added,
			List<SchemaChange> changes) {
		for (ColumnSnapshot old : List.copyOf(dropped)) {
			Optional<String> newName = this.renames.newName(table, old.name());
			if (newName.isEmpty()) {
				continue;
			}
			Optional<ColumnSnapshot> target = added.stream()
				.filter(c -> c.name().equalsIgnoreCase(newName.get()))
				.findFirst();
			if (target.isPresent()) {
				ColumnSnapshot renamed = old.withName(target.get().name());
				changes.add(new SchemaChange.RenameColumn(table, old, renamed));
				if (!renamed.equals(target.get())) {
					changes.add(new SchemaChange.AlterColumn(table, renamed, target.get()));
				}
				dropped.remove(old);
				added.remove(target.get());
			}
		}
	}

	private static @Nullable String hint(String words, ColumnSnapshot column, List<ColumnSnapshot> others) {
		String names = others.stream()
			.filter(column::sameShape)
			.map(ColumnSnapshot::name)
			.collect(Collectors.joining(", "));
		return names.isEmpty() ? null : words + " " + names;
	}

	// ---------------------------------------------------------------- keys, checks, indexes, foreign keys

	private void diffObjects(String table, List<TableObject> now, List<TableObject> want,
			List<SchemaChange> changes) {
		// Unmatched current objects, in their order, found by kind and name (chosen names) and by kind and
		// signature (generated names); each signature computed once.
		Map<TableObject, String> signatures = new java.util.IdentityHashMap<>();
		java.util.LinkedHashSet<TableObject> unmatchedNow = new java.util.LinkedHashSet<>(now);
		Map<String, TableObject> nowByName = new java.util.HashMap<>();
		for (TableObject o : now) {
			if (!o.generatedName()) {
				nowByName.putIfAbsent(o.getClass().getName() + "\u0000" + o.name(), o);
			}
		}
		List<TableObject> unmatchedWant = new ArrayList<>();
		// First by name, for names a person chose; then by structure where a name was generated.
		for (TableObject wanted : want) {
			TableObject same = wanted.generatedName() ? null
					: nowByName.get(wanted.getClass().getName() + "\u0000" + wanted.name());
			if (same != null && unmatchedNow.contains(same)) {
				unmatchedNow.remove(same);
				if (!signature(same, signatures).equals(signature(wanted, signatures))) {
					changes.add(new SchemaChange.DropObject(table, same, false));
					changes.add(new SchemaChange.AddObject(table, addable(table, wanted), false));
				}
			}
			else {
				unmatchedWant.add(wanted);
			}
		}
		for (TableObject wanted : unmatchedWant) {
			String signature = signature(wanted, signatures);
			Optional<TableObject> same = unmatchedNow.stream()
				.filter(o -> sameKind(o, wanted) && (o.generatedName() || wanted.generatedName())
						&& signature(o, signatures).equals(signature))
				.findFirst();
			if (same.isPresent()) {
				unmatchedNow.remove(same.get());
			}
			else {
				changes.add(new SchemaChange.AddObject(table, addable(table, wanted), false));
			}
		}
		for (TableObject gone : unmatchedNow) {
			changes.add(new SchemaChange.DropObject(table, gone, false));
		}
	}

	private static String signature(TableObject object, Map<TableObject, String> signatures) {
		return signatures.computeIfAbsent(object, TableObject::signature);
	}

	private static boolean sameKind(TableObject a, TableObject b) {
		return a.getClass() == b.getClass();
	}

	/**
	 * The object under a name it can be added with: an engine-numbered name (H2
	 * {@code CONSTRAINT_1A}) could clash in another database, so it becomes a stable made-up name.
	 * Primary keys keep theirs: they are added unnamed inside {@code CREATE TABLE}, or named here.
	 */
	static TableObject addable(String table, TableObject object) {
		if (!object.generatedName() || !GeneratedNames.isSequential(object.name())) {
			return object;
		}
		String prefix = (object instanceof PrimaryKeySnapshot) ? "pk"
				: (object instanceof UniqueSnapshot) ? "uq"
				: (object instanceof CheckSnapshot) ? "ck" : (object instanceof IndexSnapshot) ? "ix" : "fk";
		String hash = HexFormat.of().toHexDigits(object.signature().hashCode());
		String base = (prefix + "_" + table).toLowerCase(Locale.ROOT);
		return object.renamed(base.substring(0, Math.min(base.length(), 50)) + "_" + hash);
	}

	private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
		Map<String, T> map = new TreeMap<>();
		items.forEach(i -> map.put(name.apply(i), i));
		return map;
	}
}
