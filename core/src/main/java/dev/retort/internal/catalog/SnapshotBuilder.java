package dev.retort.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Collects the rows of a reader's bulk queries table by table, leaves out excluded tables and
 * builds the sorted snapshot. Rows for tables that were not listed as tables (views, excluded
 * tables) are dropped.
 */
public final class SnapshotBuilder {

	private final SnapshotOptions options;

	private final Map<String, Parts> tables = new TreeMap<>();

	private final List<SequenceSnapshot> sequences = new ArrayList<>();

	private final List<EnumTypeSnapshot> enumTypes = new ArrayList<>();

	public SnapshotBuilder(SnapshotOptions options) {
		this.options = options;
	}

	/** Declares a table; rows of undeclared tables are ignored. */
	public void table(String name) {
		if (!this.options.excludes(name)) {
			this.tables.putIfAbsent(name, new Parts());
		}
	}

	/** Whether the table was declared (and not excluded). */
	public boolean has(String table) {
		return this.tables.containsKey(table);
	}

	public void column(String table, ColumnSnapshot column) {
		Parts parts = this.tables.get(table);
		if (parts != null) {
			parts.columns.add(column);
		}
	}

	public void object(String table, TableObject object) {
		Parts parts = this.tables.get(table);
		if (parts == null) {
			return;
		}
		if (object instanceof PrimaryKeySnapshot pk) {
			parts.primaryKey = pk;
		}
		else if (object instanceof UniqueSnapshot u) {
			parts.uniques.add(u);
		}
		else if (object instanceof CheckSnapshot c) {
			parts.checks.add(c);
		}
		else if (object instanceof IndexSnapshot i) {
			parts.indexes.add(i);
		}
		else if (object instanceof ForeignKeySnapshot f) {
			parts.foreignKeys.add(f);
		}
	}

	public void sequence(SequenceSnapshot sequence) {
		this.sequences.add(sequence);
	}

	public void enumType(EnumTypeSnapshot type) {
		this.enumTypes.add(type);
	}

	/** The snapshot. */
	public SchemaSnapshot build() {
		List<TableSnapshot> built = new ArrayList<>();
		this.tables.forEach((name, p) -> built
			.add(new TableSnapshot(name, p.columns, p.primaryKey, p.uniques, p.checks, p.indexes, p.foreignKeys)));
		return new SchemaSnapshot(built, this.sequences, this.enumTypes);
	}

	private static final class Parts {

		final List<ColumnSnapshot> columns = new ArrayList<>();

		@Nullable PrimaryKeySnapshot primaryKey;

		final List<UniqueSnapshot> uniques = new ArrayList<>();

		final List<CheckSnapshot> checks = new ArrayList<>();

		final List<IndexSnapshot> indexes = new ArrayList<>();

		final List<ForeignKeySnapshot> foreignKeys = new ArrayList<>();
	}
}
