package dev.retort;

/**
 * How a step ended, as the history table records it ({@link AppliedStep#outcome()}). The history
 * table stores {@link #value()}.
 */
public enum Outcome {

	/** The step committed. */
	SUCCESS("success"),

	/** The step failed and was rolled back (as far as the database allows). */
	FAILED("failed"),

	/**
	 * The step is under way, or its run died: written before the first statement of a revision that
	 * cannot roll back (any revision on H2 and MySQL/MariaDB, {@code Transactional: false} revisions
	 * everywhere) and turned into {@code success} or {@code failed} at the end. A {@code running} row
	 * whose run no longer holds the migration lock is an interrupted revision
	 * ({@link CoreErrorCode#INTERRUPTED_REVISION}).
	 */
	RUNNING("running"),

	/** An interrupted attempt that an operator resolved ({@link Retort#resolve(String, Resolution)}). */
	INTERRUPTED("interrupted");

	private final String value;

	Outcome(String value) {
		this.value = value;
	}

	/**
	 * The text stored in the history table's {@code outcome} column and used as a metrics tag.
	 * @return {@code success}, {@code failed}, {@code running} or {@code interrupted}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The outcome a history row names.
	 * @param value the stored text
	 * @return the outcome
	 * @throws IllegalArgumentException if the text names none
	 */
	public static Outcome fromValue(String value) {
		for (Outcome outcome : values()) {
			if (outcome.value.equals(value)) {
				return outcome;
			}
		}
		throw new IllegalArgumentException("No outcome '" + value + "'");
	}

	/** The stored text ({@code "success"}). */
	@Override
	public String toString() {
		return this.value;
	}
}
