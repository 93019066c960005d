package dev.retort;

/**
 * The command a {@link MigrationResult} or a {@link MigrationPlan} belongs to.
 */
public enum Command {

	/** {@link Retort#upgrade(String)}. */
	UPGRADE("upgrade"),

	/** {@link Retort#downgrade(String)}. */
	DOWNGRADE("downgrade"),

	/** {@link Retort#stamp(java.util.List, boolean)}. */
	STAMP("stamp");

	private final String value;

	Command(String value) {
		this.value = value;
	}

	/**
	 * The command's verb as users type it (CLI, Actuator, messages).
	 * @return {@code upgrade}, {@code downgrade} or {@code stamp}
	 */
	public String value() {
		return this.value;
	}

	/** The verb ({@code "upgrade"}), so that messages read as before. */
	@Override
	public String toString() {
		return this.value;
	}
}
