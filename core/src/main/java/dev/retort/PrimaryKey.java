package dev.retort;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A primary key constraint.
 *
 * @param name the constraint name, or {@code null} to let the database name it (inside
 * {@code createTable} only)
 * @param columns the key's columns, in order
 */
public record PrimaryKey(@Nullable String name, List<String> columns) implements TableElement {

	public PrimaryKey {
		columns = Checks.nonEmpty(columns, "A primary key");
	}

	/** An unnamed primary key on the columns. */
	public static PrimaryKey of(String... columns) {
		return new PrimaryKey(null, List.of(columns));
	}

	/** This key with a name. */
	public PrimaryKey named(String name) {
		return new PrimaryKey(name, this.columns);
	}
}
