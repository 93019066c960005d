package dev.retort;

/** The kind of a constraint, which MySQL/MariaDB need to drop it. */
public enum ConstraintType {
	/** Primary key. */
	PRIMARY_KEY,
	/** Foreign key. */
	FOREIGN_KEY,
	/** Unique constraint. */
	UNIQUE,
	/** Check constraint. */
	CHECK
}
