package dev.retort.internal.database;

/**
 * How a database stores identifiers written without quotes. Retort always quotes, and renders a
 * name written entirely in lower case in the database's own case, so that {@code users} in a Java
 * revision and {@code users} in hand-written SQL name the same table (H2 stores it as {@code USERS}).
 * A name with any upper-case letter is taken exactly as written.
 */
public enum IdentifierCase {

	/** Unquoted names are stored in upper case (H2 by default). */
	UPPER,
	/** Unquoted names are stored in lower case (PostgreSQL; H2 with {@code DATABASE_TO_LOWER=TRUE}). */
	LOWER,
	/** Unquoted names are stored as written (MySQL, MariaDB; H2 with {@code DATABASE_TO_UPPER=FALSE}). */
	AS_IS
}
