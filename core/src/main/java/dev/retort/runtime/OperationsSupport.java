package dev.retort.runtime;

import java.sql.Connection;

import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.Operations;
import dev.retort.RetortException;

/** Creates the {@link Operations} Java revisions run against. */
final class OperationsSupport {

	private OperationsSupport() {
	}

	/** Operations on a live connection; they never commit (the executor owns the transaction). */
	static Operations live(Connection connection, DatabaseSupport database) {
		throw new RetortException(ErrorCode.MIGRATION_FAILED, "Java revisions cannot run yet: live Operations are"
				+ " not wired");
	}

	/**
	 * Renders a Java revision's operations as SQL without a database.
	 * @throws RetortException {@code OFFLINE_NOT_SUPPORTED} if the revision needs a live connection
	 */
	static String record(Migration migration, boolean upgrade, DatabaseSupport database, String source) {
		throw new RetortException(ErrorCode.OFFLINE_NOT_SUPPORTED, "Java revision " + source
				+ " cannot be rendered as offline SQL yet");
	}
}
