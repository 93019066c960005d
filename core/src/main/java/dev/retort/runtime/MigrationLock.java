package dev.retort.runtime;

import java.time.Duration;

/**
 * The lock that lets one migrator at a time work on a database and version table. Implementations
 * poll on a connection of their own that is in autocommit and carries nothing else, so a waiter
 * never holds an open transaction or snapshot (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}, run
 * by the holder, waits for every other session's snapshot).
 */
interface MigrationLock {

	/**
	 * Takes the lock, waiting at most {@code timeout}.
	 * @return the held lock; close it to release
	 * @throws dev.retort.RetortException {@code LOCK_TIMEOUT} naming the holder where the database can tell
	 */
	Held acquire(Duration timeout);

	/** A lock that is held until closed. */
	interface Held extends AutoCloseable {

		/** Throws if the lock was lost while held (a table lock whose heartbeat failed). */
		default void checkStillHeld() {
		}

		/** Releases the lock and closes its connection. Never throws. */
		@Override
		void close();
	}
}
