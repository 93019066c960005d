/**
 * The two implementations of the {@link dev.retort.Operations} DSL:
 * {@link dev.retort.internal.ops.LiveOperations} (runs each operation on the revision's connection,
 * rendered by the database's {@link dev.retort.internal.database.SqlRenderer}) and
 * {@link dev.retort.internal.ops.OfflineOperations} (records SQL for {@code --sql}), with the JDBC
 * helpers a data migration gets.
 */
@NullMarked
package dev.retort.internal.ops;

import org.jspecify.annotations.NullMarked;
