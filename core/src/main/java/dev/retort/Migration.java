package dev.retort;

/**
 * A revision written in Java. Implementations are annotated with {@link Revision}; in Spring they
 * are picked up as beans, elsewhere from the packages listed in the configuration.
 */
public interface Migration {

	/** Applies the revision. */
	void upgrade(Operations op) throws Exception;

	/**
	 * Reverts the revision. The default throws: a revision that does not override it is
	 * irreversible, and a downgrade through it is refused before anything runs.
	 */
	default void downgrade(Operations op) throws Exception {
		throw new RetortException(CoreErrorCode.IRREVERSIBLE_REVISION,
				getClass().getName() + " has no downgrade");
	}

	/** Whether this revision overrides {@link #downgrade(Operations)}. */
	default boolean isReversible() {
		try {
			return getClass().getMethod("downgrade", Operations.class).getDeclaringClass() != Migration.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}
}
