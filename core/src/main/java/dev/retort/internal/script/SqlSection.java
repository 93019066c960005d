package dev.retort.internal.script;

import java.util.List;
import java.util.Set;

import dev.retort.internal.database.Databases;

/**
 * One {@code -- +upgrade} or {@code -- +downgrade} section of a SQL revision.
 *
 * @param dialects the dialects the section is restricted to ({@code dialect=postgresql,h2}), in
 * canonical names ({@code postgresql}, {@code h2}, {@code mysql}, {@code mariadb}); empty for a
 * generic section, which applies to every database
 * @param line the 1-based line of the section marker
 * @param statements the section's statements in file order
 */
public record SqlSection(Set<String> dialects, int line, List<SqlStatement> statements) {

	public SqlSection {
		dialects = Set.copyOf(dialects);
		statements = List.copyOf(statements);
	}

	/**
	 * Whether this section's statements run on the given dialect: one it lists, or one of the same
	 * family (a {@code mysql} section also runs on MariaDB and the other way round, because Retort
	 * drives both with one dialect).
	 */
	public boolean appliesTo(String dialect) {
		return this.dialects.isEmpty() || matches(dialect);
	}

	private boolean matches(String dialect) {
		String asked = Databases.canonicalName(dialect);
		if (asked == null) {
			return false;
		}
		for (String listed : this.dialects) {
			if (Databases.sameFamily(listed, asked)) {
				return true;
			}
		}
		return false;
	}
}
