package dev.retort;

import org.jspecify.annotations.Nullable;

/**
 * A check constraint. The condition is SQL written by the revision's author and rendered as given.
 *
 * @param name the constraint name, or {@code null} to let the database name it (inside
 * {@code createTable} only)
 * @param condition the SQL condition, without the surrounding parentheses
 */
public record CheckConstraint(@Nullable String name, String condition) implements TableElement {

	public CheckConstraint {
		Checks.notBlank(condition, "A check condition");
	}

	/** An unnamed check constraint. */
	public static CheckConstraint of(String condition) {
		return new CheckConstraint(null, condition);
	}

	/** This constraint with a name. */
	public CheckConstraint named(String name) {
		return new CheckConstraint(name, this.condition);
	}
}
