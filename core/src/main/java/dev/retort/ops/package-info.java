/**
 * The Operations DSL: the value types a Java revision passes to {@link dev.retort.Operations}
 * (columns, tables, indexes, constraints, column alterations), the per-dialect {@link dev.retort.ops.SqlRenderer},
 * and the two implementations: {@link dev.retort.ops.LiveOperations} (runs against a connection) and
 * {@link dev.retort.ops.OfflineOperations} (records SQL for {@code --sql}).
 */
@NullMarked
package dev.retort.ops;

import org.jspecify.annotations.NullMarked;
