package dev.retort.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.autoconfigure.actuate.ActuatorErrorCode;

/**
 * Creates {@code retort.schema} when it does not exist ({@code retort.create-schemas}, on by default),
 * before the startup migration needs its version and history tables there. The name is validated
 * and quoted; {@code IF NOT EXISTS} keeps two instances starting together from failing.
 */
final class SchemaCreator {

	private static final Log logger = LogFactory.getLog(SchemaCreator.class);

	/** Letters, digits, underscores and {@code $}, not starting with a digit; at most 63 characters. */
	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

	private final DataSource dataSource;

	private final @Nullable String schema;

	SchemaCreator(DataSource dataSource, @Nullable String schema) {
		this.dataSource = dataSource;
		this.schema = schema;
	}

	/**
	 * Creates the schema if it is set and missing.
	 * @return whether it was created
	 * @throws RetortException {@code INVALID_ARGUMENT} for an unsafe name, {@code DATABASE_ERROR} if it
	 *         cannot be created
	 */
	boolean createIfMissing() {
		String name = this.schema;
		if (name == null || name.isBlank()) {
			return false;
		}
		if (!SAFE_NAME.matcher(name).matches()) {
			throw new RetortException(ActuatorErrorCode.INVALID_ARGUMENT, "retort.schema '" + name + "' cannot be created:"
					+ " use letters, digits, '_' and '$' (not starting with a digit), or create it yourself and set"
					+ " retort.create-schemas=false");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String stored = storedCase(metaData, name);
			if (exists(metaData, stored)) {
				return false;
			}
			String quote = metaData.getIdentifierQuoteString().strip();
			String quoted = quote + stored + quote;
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + quoted);
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			logger.info("Retort: created schema " + quoted + " (retort.create-schemas)");
			return true;
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Could not create schema '" + name
					+ "' (retort.create-schemas): " + ex.getMessage() + " [SQLState " + ex.getSQLState() + "]", ex);
		}
	}

	/** MySQL and MariaDB call schemas catalogs; the others list them as schemas. */
	private static boolean exists(DatabaseMetaData metaData, String stored) throws SQLException {
		boolean catalogs = !metaData.supportsSchemasInTableDefinitions();
		try (ResultSet names = catalogs ? metaData.getCatalogs() : metaData.getSchemas()) {
			while (names.next()) {
				if (stored.equals(names.getString(catalogs ? "TABLE_CAT" : "TABLE_SCHEM"))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The name as the database stores it, by the engine's rule: a name written in lower case is folded
	 * to the database's case for unquoted names; a name with an upper-case letter is taken as written.
	 */
	private static String storedCase(DatabaseMetaData metaData, String name) throws SQLException {
		if (!name.equals(name.toLowerCase(Locale.ROOT))) {
			return name;
		}
		if (metaData.storesUpperCaseIdentifiers()) {
			return name.toUpperCase(Locale.ROOT);
		}
		if (metaData.storesLowerCaseIdentifiers()) {
			return name.toLowerCase(Locale.ROOT);
		}
		return name;
	}

}
