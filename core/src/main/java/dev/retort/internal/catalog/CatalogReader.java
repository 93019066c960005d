package dev.retort.internal.catalog;

import java.sql.Connection;

/**
 * Reads one schema into a {@link SchemaSnapshot} with a handful of bulk catalog queries, however
 * many tables it holds (never one metadata call per table). One implementation per engine, next to
 * that engine's dialect.
 */
public interface CatalogReader {

	/**
	 * Reads the schema.
	 * @param connection an open connection; left open, its transaction state untouched beyond reads
	 * @param options which schema, which tables to leave out
	 * @throws dev.retort.RetortException {@link dev.retort.ErrorCode#DATABASE_ERROR} when a catalog
	 * query fails
	 */
	SchemaSnapshot read(Connection connection, SnapshotOptions options);
}
