package dev.retort.internal.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * Connections of the migration lock: opening the table lock's own autocommit connection, wrapping
 * failures, and discarding a connection whose session lock could not be released.
 */
final class LockConnections {

	private static final Logger logger = LoggerFactory.getLogger(LockConnections.class);

	private LockConnections() {
	}

	/** A new connection in autocommit mode, so polling never leaves a transaction open. */
	static Connection open(DataSource dataSource) {
		try {
			Connection connection = dataSource.getConnection();
			try {
				if (!connection.getAutoCommit()) {
					connection.setAutoCommit(true);
				}
				return connection;
			}
			catch (SQLException ex) {
				closeQuietly(connection);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw failure("open a connection for the migration lock", ex);
		}
	}

	static RetortException failure(String what, SQLException ex) {
		return new RetortException(CoreErrorCode.DATABASE_ERROR, "Could not " + what + ": " + ex.getMessage()
				+ " [SQLState " + ex.getSQLState() + "]", ex);
	}

	static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the lock connection", ex);
		}
	}

	static void abort(Connection connection) {
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
		}
	}
}
