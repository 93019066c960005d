package dev.retort.testing;

/** The databases the tests run against. */
public enum DatabaseKind {
	/** Embedded H2, in memory. */
	H2,
	/** PostgreSQL server. */
	POSTGRES,
	/** MariaDB (or MySQL) server. */
	MARIADB,
	/** SQLite, a temporary file per test. */
	SQLITE
}
