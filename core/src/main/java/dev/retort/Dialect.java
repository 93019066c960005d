package dev.retort;

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

/**
 * The SQL dialect a revision's statements are for, as {@link Operations#dialect()} gives it: its name,
 * and the quoting and literals a revision needs to build SQL of its own safely.
 */
public interface Dialect {

	/** {@code postgresql}, {@code h2}, {@code mysql} or {@code mariadb} (the names of dialect sections). */
	String name();

	/**
	 * Whether DDL takes part in transactions: PostgreSQL yes; H2, MySQL and MariaDB no (a DDL
	 * statement commits the open transaction, so a failed revision leaves its earlier DDL applied).
	 */
	boolean transactionalDdl();

	/**
	 * Validates and quotes one identifier.
	 * @param identifier the identifier
	 * @param origin where it came from, named in the error
	 * @throws RetortException {@link CoreErrorCode#INVALID_IDENTIFIER}
	 */
	String quote(@Nullable String identifier, String origin);

	/** Validates and quotes a possibly schema-qualified name ({@code "s"."t"}). */
	String quote(QualifiedName name, String origin);

	/** The SQL name of a neutral type in this dialect. */
	String typeName(SqlType type);

	/**
	 * A SQL literal for a value: strings quoted and escaped, numbers, booleans, {@code java.time}
	 * values, UUIDs, byte arrays, enums (by name) and {@code null}.
	 * @throws RetortException {@link CoreErrorCode#UNSUPPORTED_BY_DIALECT} for other types
	 */
	String literal(@Nullable Object value);

	/** Whether the table exists (the name as written in a revision: unquoted names fold as the database folds them). */
	boolean tableExists(Connection connection, QualifiedName table);
}
