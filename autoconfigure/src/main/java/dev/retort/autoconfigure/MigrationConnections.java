package dev.retort.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connections Retort opens, as {@code retort.connect-retries}, {@code retort.connect-retries-interval}
 * and {@code retort.init-sqls} ask: until a first connection has been opened, a connection that cannot
 * be opened is tried again (the database of a container may start after the application), waiting
 * 1 s, then twice as long each time up to the interval. Once the database has answered, failures are
 * reported at once, so a health probe or a scrape is never held up by retries. Each connection
 * opened runs the init SQL statements first, in order.
 * <p>
 * Settings made by init SQL stay on the connection: when Retort migrates through the application's
 * pool, a pooled connection returns to the pool with them. Use a separate migration connection
 * ({@code retort.url} or {@code retort.user}) for {@code SET ROLE} and the like.
 */
final class MigrationConnections extends DelegatingDataSource {

	private static final Log logger = LogFactory.getLog(MigrationConnections.class);

	private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

	private final int retries;

	private final Duration maxInterval;

	private final List<String> initSqls;

	/** Set by the first connection opened: from then on the database is up, and nothing is retried. */
	private final AtomicBoolean connected = new AtomicBoolean();

	private MigrationConnections(DataSource target, int retries, Duration maxInterval, List<String> initSqls) {
		super(target);
		this.retries = retries;
		this.maxInterval = maxInterval;
		this.initSqls = List.copyOf(initSqls);
	}

	/** {@code dataSource} itself when nothing is asked, else a decorator doing what is asked. */
	static DataSource of(DataSource dataSource, RetortProperties properties) {
		if (properties.getConnectRetries() < 0) {
			throw new IllegalArgumentException(
					"retort.connect-retries must be 0 or more; got " + properties.getConnectRetries());
		}
		if (properties.getConnectRetries() == 0 && properties.getInitSqls().isEmpty()) {
			return dataSource;
		}
		return new MigrationConnections(dataSource, properties.getConnectRetries(),
				properties.getConnectRetriesInterval(), properties.getInitSqls());
	}

	@Override
	public Connection getConnection() throws SQLException {
		return initialized(open(null, null));
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return initialized(open(username, password));
	}

	private Connection open(@Nullable String username, @Nullable String password) throws SQLException {
		Duration wait = FIRST_WAIT;
		for (int attempt = 0;; attempt++) {
			try {
				Connection connection = (username != null)
						? obtainTargetDataSource().getConnection(username, password)
						: obtainTargetDataSource().getConnection();
				this.connected.set(true);
				return connection;
			}
			catch (SQLException ex) {
				if (attempt >= this.retries || this.connected.get()) {
					throw ex;
				}
				Duration pause = (wait.compareTo(this.maxInterval) < 0) ? wait : this.maxInterval;
				// The class and SQLState only: a driver message may echo the URL with its password.
				logger.warn("Retort could not connect to the database (" + ex.getClass().getName()
						+ ((ex.getSQLState() != null) ? ", SQLState " + ex.getSQLState() : "")
						+ "); retry " + (attempt + 1) + " of " + this.retries + " in " + pause.toMillis() + " ms");
				sleep(pause);
				wait = wait.multipliedBy(2);
			}
		}
	}

	private Connection initialized(Connection connection) throws SQLException {
		if (this.initSqls.isEmpty()) {
			return connection;
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : this.initSqls) {
				statement.execute(sql);
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			connection.close();
			throw new SQLException("retort.init-sqls failed on a new migration connection: " + ex.getMessage(),
					ex.getSQLState(), ex.getErrorCode(), ex);
		}
		return connection;
	}

	private static void sleep(Duration pause) throws SQLException {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting to retry the connection", ex);
		}
	}

}
