package dev.retort.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import dev.retort.ErrorCode;
import dev.retort.Operations;
import dev.retort.RetortException;

/** Creates the {@link Operations} Java revisions run against. */
final class OperationsSupport {

	private OperationsSupport() {
	}

	/** Operations on a live connection; they never commit (the executor owns the transaction). */
	static Operations live(Connection connection, DatabaseSupport database) {
		return (sql, params) -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					statement.setObject(i + 1, params[i]);
				}
				statement.execute();
			}
			catch (SQLException ex) {
				throw new RetortException(ErrorCode.STATEMENT_FAILED, "Statement failed: " + sql + ": "
						+ Sql.describe(ex), ex);
			}
		};
	}

	/**
	 * Renders a Java revision's operations as SQL without a database.
	 * @throws RetortException {@code OFFLINE_NOT_SUPPORTED} if the revision needs a live connection
	 */
	static String record(dev.retort.Migration migration, boolean upgrade, DatabaseSupport database, String source) {
		throw new RetortException(ErrorCode.OFFLINE_NOT_SUPPORTED, "Java revision " + source
				+ " cannot be rendered as offline SQL yet");
	}
}
