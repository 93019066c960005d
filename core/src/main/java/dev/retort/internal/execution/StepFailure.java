package dev.retort.internal.execution;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Why a revision's body failed: the statement (for SQL revisions), its position and the cause.
 *
 * @param statementIndex the 1-based index of the failing statement among the revision's statements
 * (0 for a Java revision)
 * @param statementCount how many statements the revision has (0 for a Java revision)
 * @param statement the failing statement, if known
 * @param line its line in the file, or 0
 * @param executedLines the lines of the statements that ran before it
 * @param cause the error
 */
record StepFailure(int statementIndex, int statementCount, @Nullable String statement, int line,
		java.util.List<Integer> executedLines, Throwable cause) {

	@Nullable SQLException sqlException() {
		Throwable current = this.cause;
		while (current != null) {
			if (current instanceof SQLException sql) {
				return sql;
			}
			current = current.getCause();
		}
		return null;
	}

	/** A failure carried through code that only throws checked exceptions. */
	static final class Thrown extends Exception {

		private static final long serialVersionUID = 1L;

		private final transient StepFailure failure;

		Thrown(StepFailure failure) {
			super(failure.cause());
			this.failure = failure;
		}

		StepFailure failure() {
			return this.failure;
		}
	}
}
