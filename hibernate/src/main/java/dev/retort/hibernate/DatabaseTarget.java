package dev.retort.hibernate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The engine and version a create script is written for. Hibernate's DDL depends on the version (UUID is
 * {@code binary(16)} on MariaDB 10.6 and {@code uuid} on 11.4), so the version of the database the script
 * will run on should be given; {@link #from(Connection)} reads it from a live connection.
 *
 * @param engine the engine
 * @param majorVersion the major version, as JDBC reports it
 * @param minorVersion the minor version, as JDBC reports it
 * @param productVersion the full version text JDBC reports (e.g. {@code "2.4.240 (2025-09-22)"}), or
 * {@code null}; Hibernate reads micro versions from it
 */
public record DatabaseTarget(DatabaseEngine engine, int majorVersion, int minorVersion,
		@Nullable String productVersion) {

	public DatabaseTarget {
		Objects.requireNonNull(engine, "engine");
		if (majorVersion < 0 || minorVersion < 0) {
			throw new IllegalArgumentException("Negative database version " + majorVersion + "." + minorVersion);
		}
	}

	/** A target of the given engine and version. */
	public static DatabaseTarget of(DatabaseEngine engine, int majorVersion, int minorVersion) {
		return new DatabaseTarget(engine, majorVersion, minorVersion, null);
	}

	/**
	 * The engine and version of the database behind a live connection. Only its metadata is read; the
	 * connection is neither closed nor written to.
	 * @throws JpaModelException ({@link JpaModelException.Code#UNSUPPORTED_DATABASE}) for an engine this
	 * module does not produce scripts for, or when the metadata cannot be read
	 */
	public static DatabaseTarget from(Connection connection) {
		String product;
		try {
			DatabaseMetaData meta = connection.getMetaData();
			product = meta.getDatabaseProductName();
			DatabaseEngine engine = DatabaseEngine.fromProductName(product);
			if (engine == null) {
				throw new JpaModelException(JpaModelException.Code.UNSUPPORTED_DATABASE, "Database product '"
						+ product + "' is not supported for a JPA create script; supported: PostgreSQL, MariaDB,"
						+ " MySQL, H2");
			}
			return new DatabaseTarget(engine, meta.getDatabaseMajorVersion(), meta.getDatabaseMinorVersion(),
					meta.getDatabaseProductVersion());
		}
		catch (SQLException ex) {
			throw new JpaModelException(JpaModelException.Code.UNSUPPORTED_DATABASE,
					"Cannot read the database product and version from the connection: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return this.engine.productName() + " " + this.majorVersion + "." + this.minorVersion;
	}

}
