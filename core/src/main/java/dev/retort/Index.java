package dev.retort;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An index to create. Immutable: each method returns a changed copy, and nothing happens until it is
 * passed to {@link dev.retort.Operations#createIndex(Index)}.
 * <pre>{@code
 * op.createIndex(Index.of("ix_users_email", "users", "email").unique().where("deleted_at IS NULL").concurrently());
 * }</pre>
 *
 * @param name the index name (it lives in the table's schema)
 * @param table the table
 * @param columns the indexed columns, in order
 * @param isUnique whether the index is unique
 * @param where the condition of a partial index (PostgreSQL only), or {@code null}
 * @param isConcurrently whether to build it without locking writes (PostgreSQL only; ignored elsewhere)
 */
public record Index(String name, QualifiedName table, List<String> columns, boolean isUnique, @Nullable String where,
		boolean isConcurrently) implements SchemaOperation {

	public Index {
		columns = Checks.nonEmpty(columns, "Index " + name);
		if (where != null) {
			Checks.notBlank(where, "The condition of index " + name);
		}
	}

	/** An index on columns of a table; {@code table} may be {@code schema.table}. */
	public static Index of(String name, String table, String... columns) {
		return new Index(name, QualifiedName.parse(table), List.of(columns), false, null, false);
	}

	/** A unique index. */
	public Index unique() {
		return new Index(this.name, this.table, this.columns, true, this.where, this.isConcurrently);
	}

	/** A partial index: only rows matching the SQL condition (PostgreSQL only). */
	public Index where(String condition) {
		return new Index(this.name, this.table, this.columns, this.isUnique, condition, this.isConcurrently);
	}

	/**
	 * {@code CREATE INDEX CONCURRENTLY} on PostgreSQL; the revision must be non-transactional. Other
	 * databases build the index normally (logged at DEBUG), so one revision serves PostgreSQL and H2.
	 */
	public Index concurrently() {
		return new Index(this.name, this.table, this.columns, this.isUnique, this.where, true);
	}

	/** The table's schema. */
	public Index schema(String schema) {
		return new Index(this.name, QualifiedName.of(schema, this.table.name()), this.columns, this.isUnique,
				this.where, this.isConcurrently);
	}
}
