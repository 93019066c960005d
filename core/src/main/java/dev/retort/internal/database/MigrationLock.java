package dev.retort.internal.database;

import java.sql.Connection;
import java.time.Duration;

/**
 * The lock that lets one migrator at a time work on a database and version table. Implementations
 * poll in autocommit, so a waiter never holds an open transaction or snapshot (PostgreSQL's
 * {@code CREATE INDEX CONCURRENTLY}, run by the holder, waits for every other session's snapshot).
 */
public interface MigrationLock {

	/**
	 * Takes the lock, waiting at most {@code timeout}.
	 * @param connection the run's own connection, in autocommit with no transaction open: a session
	 * lock is taken on it (so a run needs one connection, and the lock ends with it); a table lock
	 * opens a connection of its own, for the heartbeat that runs beside the work
	 * @return the held lock; close it to release, before closing {@code connection}
	 * @throws dev.retort.RetortException {@code LOCK_TIMEOUT} naming the holder where the database can tell
	 */
	Held acquire(Connection connection, Duration timeout);

	/** A lock that is held until closed. */
	interface Held extends AutoCloseable {

		/** Throws if the lock was lost while held (a table lock whose heartbeat failed). */
		default void checkStillHeld() {
		}

		/**
		 * Releases the lock (and closes a connection of its own). Never throws: if a session lock
		 * cannot be released, its connection is aborted so that a pool does not hand it out still
		 * holding the lock.
		 */
		@Override
		void close();
	}
}
