package dev.retort.internal.database;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How {@link Databases} recognises one engine (one per engine package, listed once in
 * {@link Databases}): by configured name, by JDBC URL and by connection metadata. The names of one
 * type form a family: a dialect section for one of them also runs on the others (MySQL and MariaDB).
 */
public interface DatabaseType {

	/** The canonical names this type serves, lower case ({@code mysql}, {@code mariadb}). */
	List<String> names();

	/** Other spellings users may write, each mapped to a canonical name ({@code postgres}). */
	default @Nullable String alias(String lowerCaseName) {
		return null;
	}

	/** The JDBC URL prefixes this type serves, for messages ({@code jdbc:postgresql:}). */
	List<String> urlPrefixes();

	/** The database for a canonical {@link #names() name}. */
	Database named(String canonicalName);

	/** The database for a lower-cased JDBC URL, or {@code null} if it is not this type's. */
	@Nullable Database forUrl(String lowerCaseUrl);

	/**
	 * The database behind a connection, or {@code null} if it is not this type's.
	 * @param product the product name, lower case
	 * @param version the product version, lower case
	 * @param metaData the metadata, for anything else the type needs
	 */
	@Nullable Database forProduct(String product, String version, DatabaseMetaData metaData) throws SQLException;
}
