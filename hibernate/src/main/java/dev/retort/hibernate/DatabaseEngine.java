package dev.retort.hibernate;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The database engines a create script can be produced for, with the product name JDBC drivers report
 * and Hibernate resolves its dialect from.
 */
public enum DatabaseEngine {

	/** PostgreSQL. */
	POSTGRESQL("PostgreSQL"),
	/** MariaDB: types differ from MySQL's (UUID from 10.7, for instance). */
	MARIADB("MariaDB"),
	/** MySQL. */
	MYSQL("MySQL"),
	/** H2 (in any compatibility mode: the script is H2's own). */
	H2("H2");

	private final String productName;

	DatabaseEngine(String productName) {
		this.productName = productName;
	}

	/** The name {@link java.sql.DatabaseMetaData#getDatabaseProductName()} reports for this engine. */
	public String productName() {
		return this.productName;
	}

	/**
	 * The engine a JDBC product name stands for ({@code "PostgreSQL"}, {@code "MariaDB"}, {@code "MySQL"},
	 * {@code "H2"}), or {@code null} when it is none of them.
	 */
	public static @Nullable DatabaseEngine fromProductName(String productName) {
		String name = productName.trim().toLowerCase(Locale.ROOT);
		for (DatabaseEngine engine : values()) {
			if (name.equals(engine.productName.toLowerCase(Locale.ROOT))) {
				return engine;
			}
		}
		return null;
	}

}
