/**
 * PostgreSQL 10+: its {@code Database} (transactional DDL, one statement per step's bookkeeping, the
 * dead-client check), dialect, SQL renderer and session advisory lock.
 */
@NullMarked
package dev.retort.internal.database.postgresql;

import org.jspecify.annotations.NullMarked;
