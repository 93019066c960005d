package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small JDBC helpers. */
final class Sql {

	private static final Logger logger = LoggerFactory.getLogger(Sql.class);

	private Sql() {
	}

	/** {@code message [SQLState x]} of a database error. */
	static String describe(SQLException ex) {
		String message = String.valueOf(ex.getMessage()).strip();
		return message + ((ex.getSQLState() != null) ? " [SQLState " + ex.getSQLState() + "]" : "");
	}

	static void rollbackQuietly(Connection connection) {
		try {
			if (!connection.isClosed() && !connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			logger.warn("Rollback failed: {}", ex.getMessage());
		}
	}

	static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			logger.debug("Close failed", ex);
		}
	}
}
