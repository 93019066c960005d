package dev.retort.internal.catalog;

import java.util.List;

/**
 * A unique constraint (on MariaDB/MySQL: every unique index, the engine does not tell them apart).
 *
 * @param name the constraint name
 * @param generatedName whether the engine or Hibernate generated the name
 * @param columns the columns, in order
 */
public record UniqueSnapshot(String name, boolean generatedName, List<String> columns) implements TableObject {

	public UniqueSnapshot {
		columns = List.copyOf(columns);
	}

	@Override
	public String signature() {
		return "(" + String.join(", ", this.columns) + ")";
	}

	@Override
	public String kind() {
		return "unique constraint";
	}

	@Override
	public UniqueSnapshot renamed(String newName) {
		return new UniqueSnapshot(newName, false, this.columns);
	}
}
