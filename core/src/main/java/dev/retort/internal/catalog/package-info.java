/**
 * The schema snapshot model and the catalog reader SPI, shared by the engines and by autogenerate:
 * the immutable {@link dev.retort.internal.catalog.SchemaSnapshot} (tables, columns, keys, indexes,
 * checks, sequences, enum types), the {@link dev.retort.internal.catalog.CatalogReader} each engine
 * implements with bulk catalog queries (its {@code Database.catalogReader()}), and the helpers the
 * readers share ({@link dev.retort.internal.catalog.CatalogQueries},
 * {@link dev.retort.internal.catalog.SnapshotBuilder}, {@link dev.retort.internal.catalog.GeneratedNames}).
 * Depends on the API only, so every engine package and {@code internal.schema} can use it.
 */
@NullMarked
package dev.retort.internal.catalog;

import org.jspecify.annotations.NullMarked;
