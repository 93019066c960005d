package dev.retort.internal.catalog;

import java.util.List;

/**
 * A PostgreSQL enum type.
 *
 * @param name the type name
 * @param labels its labels, in sort order
 */
public record EnumTypeSnapshot(String name, List<String> labels) implements SchemaType {

	public EnumTypeSnapshot {
		labels = List.copyOf(labels);
	}

	@Override
	public String describe() {
		return "enum type " + this.name + " ('" + String.join("', '", this.labels) + "')";
	}
}
