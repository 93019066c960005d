/**
 * Schema snapshots and their comparison, the engine-neutral half of autogenerate and check: the
 * immutable snapshot model ({@link dev.retort.internal.schema.SchemaSnapshot}), the
 * {@link dev.retort.internal.schema.CatalogReader} each engine implements with bulk catalog
 * queries, the {@link dev.retort.internal.schema.SchemaDiffer} that turns two snapshots into
 * reversible {@link dev.retort.internal.schema.SchemaChange}s, the
 * {@link dev.retort.internal.schema.ChangeApplier} that runs them through the Operations DSL, and the
 * throwaway {@link dev.retort.internal.schema.ScratchServer} databases both sides are built in.
 */
@NullMarked
package dev.retort.internal.schema;

import org.jspecify.annotations.NullMarked;
