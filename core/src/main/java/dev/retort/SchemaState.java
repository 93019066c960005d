package dev.retort;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.schema.SchemaChange;
import dev.retort.internal.schema.SchemaDiffer;

/**
 * The schema of a Retort's database at one moment, as {@link Retort#schemaState()} read it: tables,
 * columns (type, length, nullability, default, identity), keys, unique and check constraints,
 * indexes, foreign keys, PostgreSQL sequences and enum types; Retort's own tables left out. Immutable
 * and opaque: its use is to be compared with another state of the same database, as the migration
 * test kit does after each downgrade. Objects whose names the engine generated match by structure,
 * so two runs of the same revisions compare equal even where the engine numbered them differently.
 */
public final class SchemaState {

	private final SchemaSnapshot snapshot;

	SchemaState(SchemaSnapshot snapshot) {
		this.snapshot = snapshot;
	}

	/** Whether the schema holds nothing Retort compares (no table, sequence or enum type). */
	public boolean isEmpty() {
		return this.snapshot.isEmpty();
	}

	/**
	 * What differs in this state from {@code before}, one human-readable line per difference, naming
	 * the table, column, index, constraint, sequence or type; first difference first (foreign keys,
	 * then keys, checks and indexes, columns, tables, in the order a migration would fix them). Empty
	 * when the two states are the same.
	 */
	public List<String> differencesFrom(SchemaState before) {
		List<String> lines = new ArrayList<>();
		for (SchemaChange change : new SchemaDiffer().diff(before.snapshot, this.snapshot)) {
			String line = describe(change);
			if (line != null) {
				lines.add(line);
			}
		}
		return List.copyOf(lines);
	}

	/** Whether this state and {@code other} have no difference. */
	public boolean sameAs(SchemaState other) {
		return differencesFrom(other).isEmpty();
	}

	/** Stable multi-line text of the whole schema (for failure messages). */
	public String describe() {
		return this.snapshot.describe();
	}

	@Override
	public String toString() {
		return "SchemaState[" + this.snapshot.tables().size() + " tables]";
	}

	/**
	 * One change from {@code before} to this state, said as a difference: an object added since is
	 * "not in the state before", one dropped is "missing". Objects that come or go with their table
	 * are left to the table's line.
	 */
	private static @Nullable String describe(SchemaChange change) {
		if (change instanceof SchemaChange.AddObject add) {
			return add.withTable() ? null : "extra " + withoutVerb(add.text()) + " (not in the state before)";
		}
		if (change instanceof SchemaChange.DropObject drop) {
			return drop.withTable() ? null : "missing " + withoutVerb(drop.text()) + " (present in the state before)";
		}
		if (change instanceof SchemaChange.CreateTable || change instanceof SchemaChange.AddColumn
				|| change instanceof SchemaChange.CreateType) {
			return "extra " + withoutVerb(change.text()) + " (not in the state before)";
		}
		if (change instanceof SchemaChange.DropTable || change instanceof SchemaChange.DropColumn
				|| change instanceof SchemaChange.DropType) {
			return "missing " + withoutVerb(change.text()) + " (present in the state before)";
		}
		// Alterations: "column notes.slug ... -> ...", read as before -> now.
		return "changed " + withoutVerb(change.text()) + " (before -> now)";
	}

	private static String withoutVerb(String text) {
		int space = text.indexOf(' ');
		return (space < 0) ? text : text.substring(space + 1);
	}
}
