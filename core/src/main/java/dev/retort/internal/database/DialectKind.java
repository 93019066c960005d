package dev.retort.internal.database;

import java.util.Locale;

/**
 * The engines by name, for code that still branches on the engine (the schema snapshot and
 * scratch-database code of {@code internal.schema}); new code asks the {@link Database} instead.
 */
public enum DialectKind {

	/** PostgreSQL 10 or later. */
	POSTGRESQL,
	/** H2 2.x. */
	H2,
	/** MySQL 8 or later. */
	MYSQL,
	/** MariaDB 10.5 or later. */
	MARIADB;

	/** The lower-case name used in configuration and on the command line ({@code postgresql}, ...). */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}
