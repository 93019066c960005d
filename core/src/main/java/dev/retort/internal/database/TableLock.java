package dev.retort.internal.database;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * Databases without a session lock (H2, and the fallback for others): one row in
 * {@code <version_table>_lock} names the owner and an expiry. A heartbeat thread pushes the expiry
 * forward while the lock is held; a row whose expiry has passed belongs to a crashed migrator and
 * is taken over, and so is one whose holder ran on this host in a process that is gone. Expiry times are the migrators' clocks, so hosts sharing a database need roughly
 * synchronised clocks (a skew well below the expiry).
 */
public final class TableLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(TableLock.class);

	private static final int LOCK_ID = 1;

	/** The end of an owner name: {@code on <host> pid <pid> (<8 hex>)}. */
	private static final Pattern OWNER = Pattern.compile(" on (\\S+) pid (\\d+) \\([0-9a-f]{8}\\)$");

	private final DataSource dataSource;

	private final SqlDialect dialect;

	private final String lockTable;

	private final Duration expiry;

	private final String owner;

	/**
	 * @param lockTable the lock table's name, validated and quoted (schema-qualified if configured)
	 * @param expiry how long a lock row lives without a heartbeat
	 * @param actor who migrates, recorded in the owner column
	 * @param dialect tells a broken lock-row key (another migrator was quicker) from other failures
	 */
	public TableLock(DataSource dataSource, String lockTable, Duration expiry, String actor, SqlDialect dialect) {
		this.dialect = dialect;
		this.dataSource = dataSource;
		this.lockTable = lockTable;
		this.expiry = expiry;
		this.owner = ownerName(actor);
	}

	private static String localHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "unknown-host";
		}
	}

	private static String ownerName(String actor) {
		String host = localHost();
		String name = actor + " on " + host + " pid " + ProcessHandle.current().pid() + " ("
				+ UUID.randomUUID().toString().substring(0, 8) + ")";
		return (name.length() > 250) ? name.substring(0, 250) : name;
	}

	@Override
	public Held acquire(Connection runConnection, Duration timeout) {
		// A connection of its own: the heartbeat updates the lock row while the run's connection is
		// inside a transaction.
		Connection connection = LockConnections.open(this.dataSource);
		try {
			createTable(connection);
			String what = "lock row in " + this.lockTable;
			LockPolling.poll(what, timeout, () -> tryLock(connection), () -> holder(connection));
			logger.debug("Took {} as {}", what, this.owner);
			return new HeldRow(connection);
		}
		catch (RuntimeException ex) {
			LockConnections.closeQuietly(connection);
			throw ex;
		}
	}

	private void createTable(Connection connection) {
		String ddl = "CREATE TABLE IF NOT EXISTS " + this.lockTable + " (lock_id INT NOT NULL PRIMARY KEY,"
				+ " owner VARCHAR(255) NOT NULL, acquired_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL,"
				+ " expires_at BIGINT NOT NULL)";
		try (Statement statement = connection.createStatement()) {
			statement.execute(ddl);
		}
		catch (SQLException ex) {
			// Another migrator may have created it at the same moment; only fail if it is not there.
			try (Statement statement = connection.createStatement()) {
				statement.executeQuery("SELECT lock_id FROM " + this.lockTable + " WHERE 1 = 0").close();
			}
			catch (SQLException notThere) {
				throw LockConnections.failure("create the lock table " + this.lockTable, ex);
			}
		}
	}

	private boolean tryLock(Connection connection) throws SQLException {
		long now = System.currentTimeMillis();
		try {
			insert(connection, now);
			return true;
		}
		catch (SQLException ex) {
			Row row = read(connection);
			if (row == null) {
				if (isDuplicate(ex)) {
					return false; // released between our insert and read: try again next round
				}
				throw ex;
			}
			String dead = (row.expiresAt() < now) ? "it expired (last heartbeat "
					+ Instant.ofEpochMilli(row.heartbeatAt()) + ")" : deadHolder(row.owner());
			if (dead != null && delete(connection, row)) {
				logger.warn("Took over the migration lock of {}: {}", row.owner(), dead);
				return tryInsertOnce(connection);
			}
			return false;
		}
	}

	/** Inserts this holder's lock row, taken at {@code now}; fails on a broken key if another holds it. */
	private void insert(Connection connection, long now) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.lockTable
				+ " (lock_id, owner, acquired_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
			insert.setInt(1, LOCK_ID);
			insert.setString(2, this.owner);
			insert.setLong(3, now);
			insert.setLong(4, now);
			insert.setLong(5, now + this.expiry.toMillis());
			insert.executeUpdate();
		}
	}

	private boolean delete(Connection connection, Row row) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + this.lockTable
				+ " WHERE lock_id = ? AND owner = ? AND expires_at = ?")) {
			delete.setInt(1, LOCK_ID);
			delete.setString(2, row.owner());
			delete.setLong(3, row.expiresAt());
			return delete.executeUpdate() == 1;
		}
	}

	/** After a take-over: one more insert, which fails only if another waiter was quicker. */
	private boolean tryInsertOnce(Connection connection) throws SQLException {
		try {
			insert(connection, System.currentTimeMillis());
			return true;
		}
		catch (SQLException ex) {
			if (isDuplicate(ex)) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Why the holder named by {@code owner} cannot be alive, or {@code null} if it may be: a holder on
	 * this host whose process is gone (a crash) need not be waited for until its row expires.
	 */
	static @Nullable String deadHolder(String owner) {
		Matcher matcher = OWNER.matcher(owner);
		if (!matcher.find()) {
			return null;
		}
		String host = matcher.group(1);
		long pid;
		try {
			pid = Long.parseLong(matcher.group(2));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (!host.equals(localHost()) || pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isPresent()) {
			return null;
		}
		return "its process " + pid + " on this host (" + host + ") is gone";
	}

	private boolean isDuplicate(SQLException ex) {
		return this.dialect.isDuplicateKey(ex);
	}

	private @Nullable Row read(Connection connection) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT owner, acquired_at, heartbeat_at, expires_at FROM " + this.lockTable + " WHERE lock_id = ?")) {
			select.setInt(1, LOCK_ID);
			try (ResultSet rs = select.executeQuery()) {
				return rs.next() ? new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)) : null;
			}
		}
	}

	private String holder(Connection connection) {
		try {
			Row row = read(connection);
			if (row == null) {
				return "nobody any more (it was released while we looked)";
			}
			return row.owner() + " (since " + Instant.ofEpochMilli(row.acquiredAt()) + ", last heartbeat "
					+ Instant.ofEpochMilli(row.heartbeatAt()) + ", expires " + Instant.ofEpochMilli(row.expiresAt())
					+ ")";
		}
		catch (SQLException ex) {
			return "another migrator (" + this.lockTable + " is not readable: " + ex.getMessage() + ")";
		}
	}

	private record Row(String owner, long acquiredAt, long heartbeatAt, long expiresAt) {
	}

	/** The held lock row and the heartbeat that keeps it alive. */
	private final class HeldRow implements Held {

		private final Connection connection;

		private final ScheduledExecutorService heartbeat;

		private final AtomicReference<@Nullable String> lost = new AtomicReference<>();

		/** Set by close(), under this object's monitor, which beat() also holds. */
		private boolean closed;

		HeldRow(Connection connection) {
			this.connection = connection;
			this.heartbeat = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "retort-lock-heartbeat");
				thread.setDaemon(true);
				return thread;
			});
			long period = Math.max(50, TableLock.this.expiry.toMillis() / 3);
			this.heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
		}

		private void beat() {
			// Under the monitor close() takes: a beat never runs on the connection while, or after, close()
			// deletes the row and closes the connection.
			synchronized (this) {
				if (this.closed) {
					return;
				}
				long now = System.currentTimeMillis();
				try (PreparedStatement update = this.connection.prepareStatement("UPDATE " + TableLock.this.lockTable
						+ " SET heartbeat_at = ?, expires_at = ? WHERE lock_id = ? AND owner = ?")) {
					update.setLong(1, now);
					update.setLong(2, now + TableLock.this.expiry.toMillis());
					update.setInt(3, LOCK_ID);
					update.setString(4, TableLock.this.owner);
					if (update.executeUpdate() != 1) {
						this.lost.compareAndSet(null, "the lock row was taken over by another migrator after it expired");
						logger.error("Lost the migration lock in {}: {}", TableLock.this.lockTable, this.lost.get());
					}
				}
				catch (SQLException ex) {
					logger.warn("Migration lock heartbeat failed: {}", ex.getMessage());
				}
			}
		}

		@Override
		public void checkStillHeld() {
			String reason = this.lost.get();
			if (reason != null) {
				throw new RetortException(CoreErrorCode.LOCK_TIMEOUT, "Lost the migration lock in "
						+ TableLock.this.lockTable + ": " + reason + "; stopping before the next step."
						+ " Raise the lock expiry if steps run longer than it without heartbeats.");
			}
		}

		@Override
		public void close() {
			// No waiting for the heartbeat thread to end (a wake-up and a thread exit on every run, several
			// milliseconds on a busy machine): once closed is set under the monitor, no beat touches the row or
			// the connection again, and the interrupted thread ends on its own.
			synchronized (this) {
				this.closed = true;
				this.heartbeat.shutdownNow();
				try (PreparedStatement delete = this.connection
					.prepareStatement("DELETE FROM " + TableLock.this.lockTable + " WHERE lock_id = ? AND owner = ?")) {
					delete.setInt(1, LOCK_ID);
					delete.setString(2, TableLock.this.owner);
					delete.executeUpdate();
				}
				catch (SQLException ex) {
					logger.warn("Could not delete the migration lock row in {}; it expires on its own",
							TableLock.this.lockTable, ex);
				}
				LockConnections.closeQuietly(this.connection);
			}
		}
	}
}
