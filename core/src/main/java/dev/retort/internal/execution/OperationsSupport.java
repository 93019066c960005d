package dev.retort.internal.execution;

import java.sql.Connection;

import dev.retort.CoreErrorCode;
import dev.retort.Migration;
import dev.retort.Operations;
import dev.retort.RetortException;
import dev.retort.internal.database.Database;
import dev.retort.internal.ops.LiveOperations;
import dev.retort.internal.ops.OfflineOperations;

/** Creates the {@link Operations} Java revisions run against. */
final class OperationsSupport {

	private OperationsSupport() {
	}

	/** Operations on a live connection; they never commit (the executor owns the transaction). */
	static Operations live(Connection connection, Database database) {
		return new LiveOperations(connection, database);
	}

	/**
	 * Renders a Java revision's operations as SQL without a database, each statement ended by the
	 * dialect's terminator and a blank line.
	 * @throws RetortException {@code OFFLINE_NOT_SUPPORTED} if the revision needs a live connection
	 */
	static String record(Migration migration, boolean upgrade, Database database, String source,
			OfflineOperations operations) {
		try {
			if (upgrade) {
				migration.upgrade(operations);
			}
			else {
				migration.downgrade(operations);
			}
		}
		catch (RetortException ex) {
			if (ex.code() == CoreErrorCode.OFFLINE_NOT_SUPPORTED) {
				throw RetortException.builder(CoreErrorCode.OFFLINE_NOT_SUPPORTED, "Java revision " + source
						+ " cannot be rendered as offline SQL: " + ex.getMessage()
						+ ". Run it online, or move what it reads from the database into plain SQL.")
					.source(source)
					.cause(ex)
					.build();
			}
			throw ex;
		}
		catch (Exception ex) {
			throw RetortException.builder(CoreErrorCode.MIGRATION_FAILED, "Java revision " + source
					+ " failed while being rendered as offline SQL: " + ex)
				.source(source)
				.cause(ex)
				.build();
		}
		StringBuilder sql = new StringBuilder();
		for (String statement : operations.statements()) {
			sql.append(statement).append(database.dialect().statementTerminator()).append("\n\n");
		}
		return sql.toString();
	}
}
