package dev.retort.internal.script;

import org.jspecify.annotations.Nullable;

/**
 * The rules for revision ids and branch labels. Alembic forbids {@code @}, {@code -} and
 * {@code +} (they are target syntax: {@code label@head}, {@code -1}, {@code rev+2}); Retort also
 * forbids whitespace, {@code ,} (list separator in headers) and {@code :} (range syntax), and caps
 * ids at 32 characters because {@code retort_version.version_num} is {@code VARCHAR(32)}.
 */
public final class RevisionIds {

	/** The longest id the version table can hold. */
	public static final int MAX_LENGTH = 32;

	private RevisionIds() {
	}

	/** Why {@code id} is not a valid revision id, or {@code null} if it is. */
	public static @Nullable String idProblem(String id) {
		String charProblem = charProblem(id);
		if (charProblem != null) {
			return charProblem;
		}
		if (id.length() > MAX_LENGTH) {
			return "revision id '" + id + "' is " + id.length() + " characters long; at most " + MAX_LENGTH
					+ " fit in the version table";
		}
		return null;
	}

	/**
	 * Why {@code name} cannot be a branch label or a {@code depends_on} entry, or {@code null} if it
	 * can. The character rules of ids apply; there is no length limit.
	 */
	public static @Nullable String nameProblem(String name) {
		return charProblem(name);
	}

	private static @Nullable String charProblem(String id) {
		if (id.isEmpty()) {
			return "empty revision id";
		}
		// Checked for every id and down revision at every start: nothing is allocated for a valid one.
		StringBuilder bad = null;
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (c == '@' || c == '-' || c == '+' || c == ',' || c == ':' || Character.isWhitespace(c)
					|| Character.isISOControl(c)) {
				String shown = Character.isWhitespace(c) || Character.isISOControl(c) ? "whitespace" : "'" + c + "'";
				if (bad == null) {
					bad = new StringBuilder(shown);
				}
				else if (bad.indexOf(shown) < 0) {
					bad.append(", ").append(shown);
				}
			}
		}
		if (bad != null) {
			return "character(s) " + bad + " not allowed in revision identifier '" + id + "'";
		}
		return null;
	}
}
