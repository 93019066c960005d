/**
 * SQL dialects: detection from a connection or a JDBC URL, identifier validation and quoting, the
 * neutral column types, and the SQL of Retort's own version and history tables.
 */
@NullMarked
package dev.retort.internal.database;

import org.jspecify.annotations.NullMarked;
