package dev.retort.internal.schema;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.retort.internal.database.DialectKind;

/**
 * Recognises names the engine or Hibernate made up, so that such objects are matched by structure:
 * H2's numbered {@code CONSTRAINT_xx}/{@code SYS_IDX_...}, MariaDB/MySQL {@code PRIMARY},
 * {@code <table>_ibfk_N}, {@code CONSTRAINT_N} and unique keys named after their first column,
 * PostgreSQL's {@code <table>_pkey}/{@code _key}/{@code _fkey}/{@code _check}/{@code _idx}
 * defaults, and Hibernate's hashed {@code FK...}/{@code UK...} names.
 */
public final class GeneratedNames {

	/** Hibernate's hashed names: a prefix and 25 or more base-35 characters. */
	private static final Pattern HIBERNATE = Pattern.compile("(?i)(FK|UK|IDX|PK)[0-9a-z]{25,}");

	/** H2's numbered names (and HSQLDB's SYS_ names, which H2 modes may show). */
	private static final Pattern H2_SEQUENTIAL = Pattern
		.compile("(?i)(CONSTRAINT_[0-9A-F]+(_[0-9]+)?|CONSTRAINT_INDEX_[0-9A-F]+|PRIMARY_KEY_[0-9A-F]+|SYS_[A-Z_]*[0-9]+)");

	/** MariaDB/MySQL numbered names. */
	private static final Pattern MYSQL_SEQUENTIAL = Pattern.compile("(?i)(CONSTRAINT_[0-9]+|.+_ibfk_[0-9]+)");

	private static final Pattern POSTGRES_SUFFIX = Pattern.compile("_(pkey|key|fkey|check|idx|excl)[0-9]*");

	private GeneratedNames() {
	}

	/**
	 * Whether a name was generated.
	 * @param engine the engine that reported it
	 * @param table the table the object belongs to
	 * @param name the object's name
	 * @param columns the object's columns (for MariaDB unique keys named after their first one)
	 */
	public static boolean isGenerated(DialectKind engine, String table, String name, List<String> columns) {
		if (HIBERNATE.matcher(name).matches()) {
			return true;
		}
		return switch (engine) {
			case H2 -> H2_SEQUENTIAL.matcher(name).matches();
			case MYSQL, MARIADB -> name.equals("PRIMARY") || MYSQL_SEQUENTIAL.matcher(name).matches()
					|| (!columns.isEmpty() && name.toLowerCase(Locale.ROOT)
						.matches(Pattern.quote(columns.get(0).toLowerCase(Locale.ROOT)) + "(_[0-9]+)?"));
			case POSTGRESQL -> isPostgresDefault(table, name);
		};
	}

	/**
	 * Whether the name is numbered by the engine, so that creating the object elsewhere under the
	 * same name could clash: such a name is replaced by a made-up stable one when the object is added.
	 */
	public static boolean isSequential(String name) {
		return H2_SEQUENTIAL.matcher(name).matches() || MYSQL_SEQUENTIAL.matcher(name).matches();
	}

	private static boolean isPostgresDefault(String table, String name) {
		// PostgreSQL names <table>_<columns>_<suffix>, cutting the table and columns to 63 bytes.
		String prefix = table.substring(0, Math.min(table.length(), 20));
		return name.startsWith(prefix) && POSTGRES_SUFFIX.matcher(name).find()
				&& POSTGRES_SUFFIX.matcher(name.substring(name.lastIndexOf('_'))).matches();
	}
}
