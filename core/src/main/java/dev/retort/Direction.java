package dev.retort;

/**
 * Which way a step moved the database: the {@code direction} of {@link StepResult}, {@link AppliedStep},
 * {@link MigrationStep} and {@link MigrationListener.StepEvent}. The history table stores
 * {@link #value()}.
 */
public enum Direction {

	/** A revision's upgrade ran. */
	UPGRADE("upgrade"),

	/** A revision's downgrade ran. */
	DOWNGRADE("downgrade"),

	/** The version rows were set without running anything. */
	STAMP("stamp"),

	/** A changed checksum was recorded on purpose ({@link Retort#repair()}); history rows only. */
	REPAIR("repair"),

	/** An operator resolved an interrupted revision ({@link Retort#resolve(String, Resolution)}); history rows only. */
	RESOLVE("resolve"),

	/**
	 * Retort created the configured schema ({@link RetortConfiguration#createSchemas(boolean)}); history rows
	 * only, the row's {@code revision} being the schema. {@link Retort#dropSchema()} drops only a schema
	 * recorded so.
	 */
	CREATE_SCHEMA("create-schema");

	private final String value;

	Direction(String value) {
		this.value = value;
	}

	/**
	 * The text stored in the history table's {@code direction} column and shown to users.
	 * @return {@code upgrade}, {@code downgrade}, {@code stamp}, {@code repair}, {@code resolve} or
	 *         {@code create-schema}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The direction a history row names.
	 * @param value the stored text
	 * @return the direction
	 * @throws IllegalArgumentException if the text names none
	 */
	public static Direction fromValue(String value) {
		for (Direction direction : values()) {
			if (direction.value.equals(value)) {
				return direction;
			}
		}
		throw new IllegalArgumentException("No direction '" + value + "'");
	}

	/** The stored text, so that messages read as before ({@code "upgrade"}). */
	@Override
	public String toString() {
		return this.value;
	}
}
