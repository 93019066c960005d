package dev.retort;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {

	/** {@code NO ACTION} (the default of every database). */
	NO_ACTION("NO ACTION"),
	/** {@code RESTRICT}. */
	RESTRICT("RESTRICT"),
	/** {@code CASCADE}. */
	CASCADE("CASCADE"),
	/** {@code SET NULL}. */
	SET_NULL("SET NULL"),
	/** {@code SET DEFAULT} (not supported by MySQL/MariaDB InnoDB). */
	SET_DEFAULT("SET DEFAULT");

	private final String sql;

	ReferentialAction(String sql) {
		this.sql = sql;
	}

	/** The SQL words. */
	public String sql() {
		return this.sql;
	}
}
