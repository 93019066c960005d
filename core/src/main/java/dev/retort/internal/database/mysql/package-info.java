/**
 * MySQL 8 and MariaDB 10.5+, one family: their {@code Database}, dialect (backticks, backslash
 * escapes), SQL renderer, {@code GET_LOCK} named lock, and the {@code information_schema} queries
 * that complete column, index and constraint changes.
 */
@NullMarked
package dev.retort.internal.database.mysql;

import org.jspecify.annotations.NullMarked;
