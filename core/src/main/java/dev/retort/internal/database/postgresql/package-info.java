/**
 * PostgreSQL: its dialect, SQL renderer and advisory lock.
 */
@NullMarked
package dev.retort.internal.database.postgresql;

import org.jspecify.annotations.NullMarked;
