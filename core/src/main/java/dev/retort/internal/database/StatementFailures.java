package dev.retort.internal.database;

import java.sql.SQLException;

import dev.retort.ErrorCode;
import dev.retort.RetortException;

/** Turns a JDBC failure into {@link ErrorCode#STATEMENT_FAILED} naming the statement. */
public final class StatementFailures {

	private StatementFailures() {
	}

	public static RetortException failed(String sql, SQLException ex) {
		return new RetortException(ErrorCode.STATEMENT_FAILED, "Statement failed: " + ex.getMessage()
				+ " [SQLState " + ex.getSQLState() + "]\n    " + sql, null, null, 0, sql, ex);
	}
}
