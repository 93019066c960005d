package dev.retort.internal.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a catalog reader reads.
 *
 * @param schema the schema (MariaDB/MySQL: the database) to read, or {@code null} for the
 * connection's current one
 * @param excludedTables tables left out, compared without regard to case: Retort's own version and
 * history tables (their names are configurable, so the caller passes them)
 */
public record SnapshotOptions(@Nullable String schema, Set<String> excludedTables) {

	public SnapshotOptions {
		excludedTables = excludedTables.stream()
			.map(t -> t.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The current schema, leaving out the given tables. */
	public static SnapshotOptions excluding(String... tables) {
		return new SnapshotOptions(null, Set.of(tables));
	}

	/** Whether a table is left out. */
	public boolean excludes(String table) {
		return this.excludedTables.contains(table.toLowerCase(Locale.ROOT));
	}
}
