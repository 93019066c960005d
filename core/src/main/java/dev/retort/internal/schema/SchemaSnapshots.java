package dev.retort.internal.schema;

import java.sql.Connection;

import dev.retort.internal.database.Database;

/**
 * Reads a snapshot of the schema a {@link Database} connection is in, with that engine's catalog
 * reader: the entry for code that knows the {@code Database} rather than the engine kind.
 */
public final class SchemaSnapshots {

	private SchemaSnapshots() {
	}

	/** The snapshot of {@code connection}'s schema, read as {@code options} say. */
	public static SchemaSnapshot read(Connection connection, Database database, SnapshotOptions options) {
		return CatalogReaders.of(database.dialect().kind()).read(connection, options);
	}
}
