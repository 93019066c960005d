package dev.retort.internal.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.internal.database.h2.H2Database;
import dev.retort.internal.database.mysql.MySqlDatabase;
import dev.retort.internal.database.postgresql.PostgresDatabase;
import dev.retort.internal.database.sqlite.SqliteDatabase;

/**
 * The registry of the databases Retort supports, and the only place that maps a name, a JDBC URL
 * or a connection to one. Adding a database is one line in {@link #TYPES}.
 */
public final class Databases {

	/** Every supported engine, in the order they are tried. */
	private static final List<DatabaseType> TYPES = List.of(PostgresDatabase.TYPE, H2Database.TYPE,
			MySqlDatabase.TYPE, SqliteDatabase.TYPE);

	/** Every canonical name, in registry order (for messages and validation). */
	public static final List<String> NAMES = names();

	private Databases() {
	}

	private static List<String> names() {
		List<String> names = new ArrayList<>();
		for (DatabaseType type : TYPES) {
			names.addAll(type.names());
		}
		return List.copyOf(names);
	}

	/**
	 * The database behind {@code connection}, from its metadata.
	 * @throws RetortException {@code UNSUPPORTED_BY_DIALECT} for other products,
	 * {@code DATABASE_ERROR} if the metadata cannot be read
	 */
	public static Database detect(Connection connection) {
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			String product = metaData.getDatabaseProductName();
			String lowerProduct = String.valueOf(product).toLowerCase(Locale.ROOT);
			String lowerVersion = String.valueOf(metaData.getDatabaseProductVersion()).toLowerCase(Locale.ROOT);
			for (DatabaseType type : TYPES) {
				Database database = type.forProduct(lowerProduct, lowerVersion, metaData);
				if (database != null) {
					return database;
				}
			}
			throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT, "Database product \"" + product
					+ "\" is not supported; Retort supports " + displayNames());
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot read the database metadata to detect its dialect: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The database for a JDBC URL (for offline SQL and the CLI).
	 * @throws RetortException {@code UNSUPPORTED_BY_DIALECT} for any other URL
	 */
	public static Database fromUrl(String jdbcUrl) {
		String url = jdbcUrl.strip().toLowerCase(Locale.ROOT);
		for (DatabaseType type : TYPES) {
			Database database = type.forUrl(url);
			if (database != null) {
				return database;
			}
		}
		int colon = url.indexOf(':', 5);
		String prefix = (url.startsWith("jdbc:") && colon > 0) ? url.substring(0, colon + 1) : "this URL";
		List<String> prefixes = new ArrayList<>();
		for (DatabaseType type : TYPES) {
			prefixes.addAll(type.urlPrefixes());
		}
		throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT,
				"No Retort dialect for " + prefix + "; supported: " + String.join(", ", prefixes));
	}

	/**
	 * The database a configured name stands for, case-insensitive, aliases accepted.
	 * @throws RetortException {@code UNSUPPORTED_BY_DIALECT} for any other name
	 */
	public static Database byName(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		for (DatabaseType type : TYPES) {
			String canonical = canonical(type, lower);
			if (canonical != null) {
				return type.named(canonical);
			}
		}
		throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT,
				"Unknown dialect \"" + name + "\"; known: " + String.join(", ", NAMES));
	}

	/** The canonical name of a dialect as a user may spell it, or {@code null} if unknown. */
	public static @Nullable String canonicalName(String name) {
		String lower = name.trim().toLowerCase(Locale.ROOT);
		for (DatabaseType type : TYPES) {
			String canonical = canonical(type, lower);
			if (canonical != null) {
				return canonical;
			}
		}
		return null;
	}

	/** Whether two canonical names belong to one engine family (a section for one runs on the other). */
	public static boolean sameFamily(String canonical, String other) {
		if (canonical.equals(other)) {
			return true;
		}
		for (DatabaseType type : TYPES) {
			if (type.names().contains(canonical)) {
				return type.names().contains(other);
			}
		}
		return false;
	}

	private static @Nullable String canonical(DatabaseType type, String lower) {
		return type.names().contains(lower) ? lower : type.alias(lower);
	}

	private static String displayNames() {
		List<String> names = new ArrayList<>();
		for (DatabaseType type : TYPES) {
			for (String name : type.names()) {
				names.add(type.named(name).displayName());
			}
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}
}
