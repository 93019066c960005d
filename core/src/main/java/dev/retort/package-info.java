/**
 * Retort's API, and nothing else: the façade {@link dev.retort.Retort} and its
 * {@link dev.retort.RetortConfiguration} (with the defaults), the results it returns
 * ({@link dev.retort.MigrationResult}, {@link dev.retort.MigrationStatus}, {@link dev.retort.MigrationPlan},
 * ...), Java revisions ({@link dev.retort.Migration}, {@link dev.retort.Revision}) and the
 * {@link dev.retort.Operations} DSL with its value types, listeners, and errors
 * ({@link dev.retort.RetortException}, {@link dev.retort.ErrorCode}, {@link dev.retort.CoreErrorCode}).
 * Everything else is in {@code dev.retort.internal} and may change at any time.
 */
@NullMarked
package dev.retort;

import org.jspecify.annotations.NullMarked;
