/**
 * The Operations DSL: the value types a Java revision passes to {@link dev.retort.Operations}
 * (columns, tables, indexes, constraints, column alterations), the per-dialect {@link dev.retort.internal.database.SqlRenderer},
 * and the two implementations: {@link dev.retort.internal.ops.LiveOperations} (runs against a connection) and
 * {@link dev.retort.internal.ops.OfflineOperations} (records SQL for {@code --sql}).
 */
@NullMarked
package dev.retort.internal.ops;

import org.jspecify.annotations.NullMarked;
