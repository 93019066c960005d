package dev.retort;

/**
 * How a step ended, as the history table records it ({@link AppliedStep#outcome()}). The history
 * table stores {@link #value()}.
 */
public enum Outcome {

	/** The step committed. */
	SUCCESS("success"),

	/** The step failed and was rolled back (as far as the database allows). */
	FAILED("failed");

	private final String value;

	Outcome(String value) {
		this.value = value;
	}

	/**
	 * The text stored in the history table's {@code outcome} column and used as a metrics tag.
	 * @return {@code success} or {@code failed}
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
