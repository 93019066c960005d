package dev.retort.internal.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;
import dev.retort.RetortException;

/**
 * Column renames the user declared ({@code -Dretort.renames=users.name=full_name,...}): a dropped
 * and an added column named so become one rename. Names compare without regard to case, since the
 * engine may store them upper case.
 */
public final class Renames {

	/** No renames. */
	public static final Renames NONE = new Renames(Map.of());

	/** Keys are {@code table.old} in lower case; values the new column name as given. */
	private final Map<String, String> byOldColumn;

	private Renames(Map<String, String> byOldColumn) {
		this.byOldColumn = Map.copyOf(byOldColumn);
	}

	/**
	 * Parses {@code table.old=new} entries.
	 * @throws RetortException {@link ErrorCode#INVALID_ARGUMENT} for an entry not of that form
	 */
	public static Renames parse(List<String> entries) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String entry : entries) {
			String trimmed = entry.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			int eq = trimmed.indexOf('=');
			int dot = trimmed.lastIndexOf('.', (eq < 0) ? trimmed.length() : eq);
			if (eq < 0 || dot <= 0 || dot + 1 >= eq || eq + 1 >= trimmed.length()) {
				throw new RetortException(CoreErrorCode.INVALID_ARGUMENT,
						"Rename \"" + entry + "\" is not of the form table.old_column=new_column");
			}
			map.put(trimmed.substring(0, eq).toLowerCase(Locale.ROOT), trimmed.substring(eq + 1).strip());
		}
		return new Renames(map);
	}

	/** The new name declared for a column of a table, if any. */
	public Optional<String> newName(String table, String column) {
		return Optional.ofNullable(this.byOldColumn.get((table + "." + column).toLowerCase(Locale.ROOT)));
	}
}
