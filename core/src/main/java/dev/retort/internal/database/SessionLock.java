package dev.retort.internal.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock that lives with a database session (PostgreSQL advisory locks, MySQL named locks): taken
 * on the run's connection in autocommit before any work, polled so a waiter never blocks inside a
 * statement or a transaction, and gone with the session if the migrator dies.
 *
 * @param <K> the database's key for the lock
 */
public abstract class SessionLock<K> implements MigrationLock {

	/**
	 * The lock's key and the schema or database it guards.
	 *
	 * @param <K> the key type
	 * @param value the key
	 * @param scope the schema or database
	 */
	public record Key<K>(K value, String scope) {
	}

	private static final Logger logger = LoggerFactory.getLogger(SessionLock.class);

	@Override
	public final Held acquire(Connection connection, Duration timeout) {
		Key<K> key = key(connection);
		String what = describe(key);
		K value = key.value();
		LockPolling.poll(what, timeout, () -> tryLock(connection, value), () -> holder(connection, value));
		logger.debug("Took {}", what);
		return () -> release(connection, value, what);
	}

	/** The lock's key for the session's schema or database. */
	protected abstract Key<K> key(Connection connection);

	/** The lock, for messages. */
	protected abstract String describe(Key<K> key);

	/** The statement making one non-blocking attempt, with the key as its one parameter; true if taken. */
	protected abstract String tryLockSql();

	/** Who holds the lock, as far as the database can tell. */
	protected abstract String holder(Connection connection, K key);

	/** The statement releasing the lock, with the key as its one parameter. */
	protected abstract String releaseSql();

	/** Binds the key as the first parameter. */
	protected abstract void bind(PreparedStatement statement, K key) throws SQLException;

	/** One non-blocking attempt. */
	private boolean tryLock(Connection connection, K key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(tryLockSql())) {
			bind(statement, key);
			try (ResultSet rs = statement.executeQuery()) {
				// PostgreSQL answers true/false, MySQL 1/0 (or NULL on error): getBoolean reads both.
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/** SHA-256 of {@code text} in UTF-8: lock names and keys derived from a schema and table name. */
	protected static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	private void release(Connection connection, K key, String what) {
		try (PreparedStatement statement = connection.prepareStatement(releaseSql())) {
			bind(statement, key);
			statement.execute();
		}
		catch (SQLException ex) {
			// A pooled connection must not go back to the pool still holding the lock.
			logger.warn("Could not release the {}; discarding its connection", what, ex);
			LockConnections.abort(connection);
		}
	}

	/** Runs a one-row, one-column query for a name such as the current schema. */
	protected static String queryName(Connection connection, String sql, String fallback, String what) {
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			String name = rs.getString(1);
			return (name != null) ? name : fallback;
		}
		catch (SQLException ex) {
			throw LockConnections.failure(what, ex);
		}
	}
}
