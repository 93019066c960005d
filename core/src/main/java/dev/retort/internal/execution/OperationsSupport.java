package dev.retort.internal.execution;

import java.sql.Connection;

import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.Operations;
import dev.retort.RetortException;
import dev.retort.internal.ops.LiveOperations;
import dev.retort.internal.ops.OfflineOperations;

/** Creates the {@link Operations} Java revisions run against. */
final class OperationsSupport {

	private OperationsSupport() {
	}

	/** Operations on a live connection; they never commit (the executor owns the transaction). */
	static Operations live(Connection connection, DatabaseSupport database) {
		return new LiveOperations(connection, database.dialect());
	}

	/**
	 * Renders a Java revision's operations as SQL without a database, each statement ended by the
	 * dialect's terminator and a blank line.
	 * @throws RetortException {@code OFFLINE_NOT_SUPPORTED} if the revision needs a live connection
	 */
	static String record(Migration migration, boolean upgrade, DatabaseSupport database, String source) {
		OfflineOperations operations = new OfflineOperations(database.dialect());
		try {
			if (upgrade) {
				migration.upgrade(operations);
			}
			else {
				migration.downgrade(operations);
			}
		}
		catch (RetortException ex) {
			if (ex.code() == ErrorCode.OFFLINE_NOT_SUPPORTED) {
				throw new RetortException(ErrorCode.OFFLINE_NOT_SUPPORTED, "Java revision " + source
						+ " cannot be rendered as offline SQL: " + ex.getMessage()
						+ ". Run it online, or move what it reads from the database into plain SQL.", null, source, 0,
						null, ex);
			}
			throw ex;
		}
		catch (Exception ex) {
			throw new RetortException(ErrorCode.MIGRATION_FAILED, "Java revision " + source
					+ " failed while being rendered as offline SQL: " + ex, null, source, 0, null, ex);
		}
		StringBuilder sql = new StringBuilder();
		for (String statement : operations.statements()) {
			sql.append(statement).append(database.dialect().statementTerminator()).append("\n\n");
		}
		return sql.toString();
	}
}
