package dev.retort.internal.catalog;

import java.util.List;

/**
 * A primary key.
 *
 * @param name the constraint name
 * @param generatedName whether the engine generated the name
 * @param columns the key's columns, in key order
 */
public record PrimaryKeySnapshot(String name, boolean generatedName, List<String> columns) implements TableObject {

	public PrimaryKeySnapshot {
		columns = List.copyOf(columns);
	}

	@Override
	public String signature() {
		return "(" + String.join(", ", this.columns) + ")";
	}

	@Override
	public String kind() {
		return "primary key";
	}

	@Override
	public PrimaryKeySnapshot renamed(String newName) {
		return new PrimaryKeySnapshot(newName, false, this.columns);
	}
}
