package dev.retort.internal.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One schema as a catalog reader saw it: immutable and sorted by name, so two equal schemas give
 * equal values and byte-identical {@link #describe()} text. Names are stored as the engine stores
 * them (H2 upper case, PostgreSQL lower case); the schema's own name is not part of the value, so
 * snapshots of two databases compare.
 *
 * @param tables the tables, by name (Retort's own tables left out)
 * @param sequences PostgreSQL sequences not owned by identity columns, by name
 * @param enumTypes PostgreSQL enum types, by name
 */
public record SchemaSnapshot(List<TableSnapshot> tables, List<SequenceSnapshot> sequences,
		List<EnumTypeSnapshot> enumTypes) {

	/** A schema with nothing in it. */
	public static final SchemaSnapshot EMPTY = new SchemaSnapshot(List.of(), List.of(), List.of());

	public SchemaSnapshot {
		tables = sorted(tables, Comparator.comparing(TableSnapshot::name));
		sequences = sorted(sequences, Comparator.comparing(SequenceSnapshot::name));
		enumTypes = sorted(enumTypes, Comparator.comparing(EnumTypeSnapshot::name));
	}

	private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
		List<T> copy = new ArrayList<>(list);
		copy.sort(order);
		return List.copyOf(copy);
	}

	/** The table of that name. */
	public Optional<TableSnapshot> table(String name) {
		return this.tables.stream().filter(t -> t.name().equals(name)).findFirst();
	}

	/** Whether the schema holds nothing Retort compares. */
	public boolean isEmpty() {
		return this.tables.isEmpty() && this.sequences.isEmpty() && this.enumTypes.isEmpty();
	}

	/** Stable multi-line text: types, sequences, then each table. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		for (EnumTypeSnapshot type : this.enumTypes) {
			text.append(type.describe()).append('\n');
		}
		for (SequenceSnapshot sequence : this.sequences) {
			text.append(sequence.describe()).append('\n');
		}
		for (TableSnapshot table : this.tables) {
			text.append(table.describe());
		}
		return text.toString();
	}
}
