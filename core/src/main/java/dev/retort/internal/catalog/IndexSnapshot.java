package dev.retort.internal.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An index that no constraint owns (indexes the engine makes for keys are not listed).
 *
 * @param name the index name
 * @param generatedName whether the engine or Hibernate generated the name
 * @param parts the indexed columns in order; an expression part is written in parentheses
 * @param unique whether the index is unique
 * @param where the condition of a partial index (PostgreSQL), or {@code null}
 */
public record IndexSnapshot(String name, boolean generatedName, List<String> parts, boolean unique,
		@Nullable String where) implements TableObject {

	public IndexSnapshot {
		parts = List.copyOf(parts);
	}

	/** Whether a part is an expression rather than a column. */
	public boolean hasExpressions() {
		return this.parts.stream().anyMatch(p -> p.startsWith("("));
	}

	@Override
	public String signature() {
		return (this.unique ? "UNIQUE " : "") + "(" + String.join(", ", this.parts) + ")"
				+ ((this.where != null) ? " WHERE " + this.where : "");
	}

	@Override
	public String kind() {
		return "index";
	}

	@Override
	public IndexSnapshot renamed(String newName) {
		return new IndexSnapshot(newName, false, this.parts, this.unique, this.where);
	}
}
