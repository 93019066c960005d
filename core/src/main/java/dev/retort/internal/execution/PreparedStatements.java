package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Retort's own prepared statements (version rows, history rows), kept open for the steps of one run
 * on one connection instead of being prepared again for every step. Closing the connection closes
 * them too; {@link #close()} closes them earlier. Not thread-safe (one run, one thread).
 */
final class PreparedStatements implements AutoCloseable {

	private final Map<String, PreparedStatement> bySql = new HashMap<>();

	private @Nullable Connection connection;

	/** The statement for {@code sql} on {@code connection}, prepared on first use. */
	PreparedStatement get(Connection connection, String sql) throws SQLException {
		if (this.connection != connection) {
			close();
			this.connection = connection;
		}
		PreparedStatement statement = this.bySql.get(sql);
		if (statement == null || statement.isClosed()) {
			statement = connection.prepareStatement(sql);
			this.bySql.put(sql, statement);
		}
		return statement;
	}

	/** Closes every statement kept; later calls prepare again. Never throws. */
	@Override
	public void close() {
		for (PreparedStatement statement : this.bySql.values()) {
			try {
				statement.close();
			}
			catch (SQLException ex) {
				// The connection may be gone already; nothing left to free.
			}
		}
		this.bySql.clear();
		this.connection = null;
	}
}
