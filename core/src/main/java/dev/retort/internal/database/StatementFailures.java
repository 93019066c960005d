package dev.retort.internal.database;

import java.sql.SQLException;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/** Turns a JDBC failure into {@link CoreErrorCode#STATEMENT_FAILED} naming the statement. */
public final class StatementFailures {

	private StatementFailures() {
	}

	public static RetortException failed(String sql, SQLException ex) {
		return RetortException.builder(CoreErrorCode.STATEMENT_FAILED, "Statement failed: " + ex.getMessage()
				+ " [SQLState " + ex.getSQLState() + "]\n    " + sql)
			.statement(sql)
			.cause(ex)
			.build();
	}
}
