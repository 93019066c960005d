/**
 * Schema comparison, the engine-neutral half of autogenerate and check: the
 * {@link dev.retort.internal.schema.SchemaDiffer} that turns two snapshots (the model of
 * {@code internal.catalog}) into reversible {@link dev.retort.internal.schema.SchemaChange}s, the
 * {@link dev.retort.internal.schema.ChangeApplier} that runs them through the Operations DSL, and the
 * throwaway {@link dev.retort.internal.schema.ScratchServer} databases both sides are built in (made
 * by each engine's {@code Database.scratchHost}).
 */
@NullMarked
package dev.retort.internal.schema;

import org.jspecify.annotations.NullMarked;
