/**
 * The {@link dev.retort.internal.database.Database} SPI (one implementation per engine, in the
 * sub-packages) and its registry {@link dev.retort.internal.database.Databases}, the only place that
 * maps a name, a JDBC URL or a connection to a database; and what the engines share: the base
 * {@link dev.retort.internal.database.SqlDialect} (quoting, types, literals, the SQL of Retort's
 * own tables), the base {@link dev.retort.internal.database.SqlRenderer} of the DSL, and the
 * migration lock SPI with its session-lock and lock-row implementations.
 */
@NullMarked
package dev.retort.internal.database;

import org.jspecify.annotations.NullMarked;
