/**
 * SQLite 3.35+: its {@code Database} (a lock row with a heartbeat; transactional DDL; batch mode
 * for the changes SQLite cannot make with {@code ALTER TABLE}), dialect and SQL renderer.
 */
@NullMarked
package dev.retort.internal.database.sqlite;

import org.jspecify.annotations.NullMarked;
