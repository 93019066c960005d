package dev.retort.internal.database;

import java.time.Duration;

import javax.sql.DataSource;

/**
 * What a {@link Database#lock(LockRequest) lock} is for: the version table it guards (session
 * locks derive their key from schema and table), and for a lock row its table, expiry and holder.
 *
 * @param schema the configured schema, or {@code ""} for the connection's current schema
 * @param versionTable the version table's name as configured
 * @param dataSource where a lock row's own connection comes from
 * @param lockTable the quoted, qualified lock table
 * @param expiry how long a lock row lives without a heartbeat
 * @param actor who takes the lock (written in the lock row)
 */
public record LockRequest(String schema, String versionTable, DataSource dataSource, String lockTable,
		Duration expiry, String actor) {
}
