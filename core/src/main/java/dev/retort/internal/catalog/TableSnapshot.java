package dev.retort.internal.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A table and everything that belongs to it. The lists are sorted by name (column order is not
 * compared), so equal tables give equal values and the same text.
 *
 * @param name the table name, as stored
 * @param columns the columns, by name
 * @param primaryKey the primary key, or {@code null}
 * @param uniques the unique constraints, by name
 * @param checks the check constraints, by name
 * @param indexes the indexes no constraint owns, by name
 * @param foreignKeys the foreign keys, by name
 */
public record TableSnapshot(String name, List<ColumnSnapshot> columns, @Nullable PrimaryKeySnapshot primaryKey,
		List<UniqueSnapshot> uniques, List<CheckSnapshot> checks, List<IndexSnapshot> indexes,
		List<ForeignKeySnapshot> foreignKeys) {

	public TableSnapshot {
		columns = sorted(columns, Comparator.comparing(ColumnSnapshot::name));
		uniques = sorted(uniques, Comparator.comparing(UniqueSnapshot::name));
		checks = sorted(checks, Comparator.comparing(CheckSnapshot::name));
		indexes = sorted(indexes, Comparator.comparing(IndexSnapshot::name));
		foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKeySnapshot::name));
	}

	private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
		List<T> copy = new ArrayList<>(list);
		copy.sort(order);
		return List.copyOf(copy);
	}

	/** The column of that name. */
	public Optional<ColumnSnapshot> column(String columnName) {
		return this.columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
	}

	/** The table as {@code CREATE TABLE} makes it: columns, primary key, unique and check constraints. */
	public TableSnapshot core() {
		return new TableSnapshot(this.name, this.columns, this.primaryKey, this.uniques, this.checks, List.of(),
				List.of());
	}

	/** Primary key, unique and check constraints, indexes and foreign keys, in that order. */
	public List<TableObject> objects() {
		List<TableObject> all = new ArrayList<>();
		if (this.primaryKey != null) {
			all.add(this.primaryKey);
		}
		all.addAll(this.uniques);
		all.addAll(this.checks);
		all.addAll(this.indexes);
		all.addAll(this.foreignKeys);
		return all;
	}

	/** Several lines: the table, then each column and object indented. */
	public String describe() {
		StringBuilder text = new StringBuilder("table ").append(this.name).append('\n');
		for (ColumnSnapshot column : this.columns) {
			text.append("  column ").append(column.describe()).append('\n');
		}
		for (TableObject object : objects()) {
			text.append("  ").append(object.describe()).append('\n');
		}
		return text.toString();
	}
}
