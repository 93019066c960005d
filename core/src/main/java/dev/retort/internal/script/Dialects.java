package dev.retort.internal.script;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Dialect names understood by dialect-specific sections ({@code -- +upgrade dialect=postgresql}).
 * MySQL and MariaDB are one family: a {@code mysql} section also runs on MariaDB and the other way
 * round, because Retort drives both with one dialect.
 */
public final class Dialects {

	/** The names a section may list. */
	public static final List<String> NAMES = List.of("postgresql", "h2", "mysql", "mariadb");

	private Dialects() {
	}

	/**
	 * The canonical name of a dialect as a caller may spell it ({@code PostgreSQL}, {@code postgres},
	 * {@code h2}, {@code MySQL}, {@code mariadb}), or {@code null} if unknown.
	 */
	public static @Nullable String canonical(String name) {
		String lower = name.trim().toLowerCase(Locale.ROOT);
		return switch (lower) {
			case "postgresql", "postgres" -> "postgresql";
			case "h2" -> "h2";
			case "mysql" -> "mysql";
			case "mariadb" -> "mariadb";
			default -> null;
		};
	}

	/** Whether a section restricted to {@code sectionDialects} runs on {@code dialect}. */
	public static boolean matches(Set<String> sectionDialects, String dialect) {
		String asked = canonical(dialect);
		if (asked == null) {
			return false;
		}
		for (String listed : sectionDialects) {
			if (listed.equals(asked) || (isMysqlFamily(listed) && isMysqlFamily(asked))) {
				return true;
			}
		}
		return false;
	}

	static boolean isMysqlFamily(String canonical) {
		return canonical.equals("mysql") || canonical.equals("mariadb");
	}
}
