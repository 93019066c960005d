package dev.retort;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unique constraint.
 *
 * @param name the constraint name, or {@code null} to let the database name it (inside
 * {@code createTable} only)
 * @param columns the columns
 */
public record UniqueConstraint(@Nullable String name, List<String> columns) implements TableElement {

	public UniqueConstraint {
		columns = Checks.nonEmpty(columns, "A unique constraint");
	}

	/** An unnamed unique constraint on the columns. */
	public static UniqueConstraint of(String... columns) {
		return new UniqueConstraint(null, List.of(columns));
	}

	/** This constraint with a name. */
	public UniqueConstraint named(String name) {
		return new UniqueConstraint(name, this.columns);
	}
}
