package dev.retort.internal.execution;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A data source whose first connection is opened on a background thread while the revisions are
 * read, so that an application's first migration run does not wait for both one after the other
 * (opening a connection in a fresh JVM, pool start-up included, costs about as much as reading a
 * thousand revision files). Every later {@link #getConnection()} goes to the target.
 * <p>
 * The early connection is handed to the first caller only; if nobody asks for it within
 * {@link #KEEP}, it is closed. If opening it failed, the first caller gets that same error rather
 * than a second attempt (which would double a connect timeout).
 */
public final class ConnectAheadDataSource implements DataSource {

	/** How long an early connection waits for its first user before it is closed. */
	static final Duration KEEP = Duration.ofSeconds(60);

	private static final org.slf4j.Logger logger = LoggerFactory.getLogger(ConnectAheadDataSource.class);

	private final DataSource target;

	private final AtomicBoolean claimed = new AtomicBoolean();

	/** Counted down when the background attempt has ended, either way. */
	private final CountDownLatch opened = new CountDownLatch(1);

	/** Counted down when the early connection is claimed. */
	private final CountDownLatch taken = new CountDownLatch(1);

	private volatile @Nullable Connection early;

	private volatile @Nullable SQLException failure;

	private final Duration keep;

	private ConnectAheadDataSource(DataSource target, Duration keep) {
		this.target = target;
		this.keep = keep;
	}

	/**
	 * Starts opening a connection of {@code target} on a daemon thread and returns the data source
	 * that hands it out.
	 */
	public static ConnectAheadDataSource start(DataSource target) {
		return start(target, KEEP);
	}

	static ConnectAheadDataSource start(DataSource target, Duration keep) {
		ConnectAheadDataSource dataSource = new ConnectAheadDataSource(target, keep);
		Thread thread = new Thread(dataSource::openAndKeep, "retort-connect-ahead");
		thread.setDaemon(true);
		thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
		thread.start();
		return dataSource;
	}

	private void openAndKeep() {
		try {
			Connection connection = this.target.getConnection();
			this.early = connection;
			this.opened.countDown();
			if (!this.taken.await(this.keep.toMillis(), TimeUnit.MILLISECONDS)
					&& this.claimed.compareAndSet(false, true)) {
				logger.debug("Closing the connection opened ahead: unused for {}", this.keep);
				Sql.closeQuietly(connection);
			}
		}
		catch (SQLException ex) {
			this.failure = ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error ex) {
			// Anything else: the first caller opens its own connection and meets the problem itself.
			logger.debug("Could not open a connection ahead", ex);
		}
		finally {
			this.opened.countDown();
		}
	}

	/** The data source this one opens connections of. */
	public DataSource target() {
		return this.target;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (this.claimed.compareAndSet(false, true)) {
			this.taken.countDown();
			try {
				this.opened.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("Interrupted while a connection was being opened", ex);
			}
			Connection connection = this.early;
			if (connection != null) {
				this.early = null;
				return connection;
			}
			SQLException failed = this.failure;
			if (failed != null) {
				// The same error the caller would have met (message and SQLState kept), with this thread's trace.
				throw new SQLException(failed.getMessage(), failed.getSQLState(), failed.getErrorCode(), failed);
			}
		}
		return this.target.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return this.target.getConnection(username, password);
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this) ? type.cast(this) : this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || this.target.isWrapperFor(type);
	}
}
