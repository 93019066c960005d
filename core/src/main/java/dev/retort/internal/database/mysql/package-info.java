/**
 * MySQL and MariaDB: their dialect, SQL renderer, catalog queries and named lock.
 */
@NullMarked
package dev.retort.internal.database.mysql;

import org.jspecify.annotations.NullMarked;
