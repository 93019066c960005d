package dev.retort.internal.schema;

import dev.retort.internal.database.DialectKind;
import dev.retort.internal.database.h2.H2CatalogReader;
import dev.retort.internal.database.mysql.MySqlCatalogReader;
import dev.retort.internal.database.postgresql.PostgresCatalogReader;

/**
 * The catalog reader of each engine. Meant to move onto the per-engine database object of the
 * {@code internal.database} packages once they exist; until then, the one place to get a reader.
 */
public final class CatalogReaders {

	private CatalogReaders() {
	}

	/** The reader for an engine. */
	public static CatalogReader of(DialectKind engine) {
		return switch (engine) {
			case POSTGRESQL -> new PostgresCatalogReader();
			case H2 -> new H2CatalogReader();
			case MYSQL, MARIADB -> new MySqlCatalogReader(engine);
		};
	}
}
