package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.retort.VersionRowChange;
import dev.retort.internal.database.Database;

/**
 * Writes what a step leaves behind, in the step's transaction: its version-row changes and its
 * history row. On PostgreSQL a step that changes one version row (every step of a linear history)
 * sends both statements as one prepared statement of two, which pgjdbc sends in one round trip
 * instead of two. Merges, and the other databases, send them one by one: MySQL and MariaDB drivers
 * refuse several statements in one unless configured to, and embedded H2 (no network) ran the pair
 * slower as one statement list than as two statements. Either way each change must touch exactly
 * the rows expected. Not thread-safe (one run, one thread).
 */
final class StepRecords implements AutoCloseable {

	private final VersionTable versions;

	private final HistoryTable history;

	private final boolean combine;

	/** The combined statements, kept for the steps of the run. */
	private final PreparedStatements statements = new PreparedStatements();

	/** Combined SQL by the version-row statement it starts with. */
	private final Map<String, String> combinedSql = new HashMap<>();

	StepRecords(Database database, VersionTable versions, HistoryTable history) {
		this.versions = versions;
		this.history = history;
		this.combine = database.combinesStepRecords();
	}

	/**
	 * Writes one step's rows.
	 * @param step the step as described in messages
	 * @throws dev.retort.RetortException {@code VERSION_TABLE_MISMATCH} if a row to update or delete
	 * was not there (the caller rolls the step back)
	 */
	void write(Connection connection, List<VersionRowChange> changes, HistoryTable.Entry entry, String step)
			throws SQLException {
		write(connection, changes, entry, step, null, null);
	}

	/**
	 * As {@link #write(Connection, List, HistoryTable.Entry, String)}, but a step that wrote a
	 * {@code running} row ({@code runId} not null) turns that row into the entry's outcome instead of
	 * inserting one.
	 */
	void write(Connection connection, List<VersionRowChange> changes, HistoryTable.Entry entry, String step,
			@Nullable RunningRows runs, @Nullable Long runId) throws SQLException {
		if (runs != null && runId != null) {
			this.versions.apply(connection, changes, step);
			runs.finish(connection, runId, entry.outcome(), entry.duration(), entry.headsAfter(), entry.error());
			return;
		}
		if (!this.combine || changes.size() != 1) {
			this.versions.apply(connection, changes, step);
			this.history.insert(connection, entry);
			return;
		}
		VersionRowChange change = changes.get(0);
		String sql = this.combinedSql.computeIfAbsent(this.versions.sql(change),
				(versionSql) -> versionSql + ";\n" + this.history.insertSql());
		PreparedStatement statement = this.statements.get(connection, sql);
		int next = VersionTable.bind(statement, 1, change);
		HistoryTable.bind(statement, next, entry);
		statement.execute();
		// Results come in statement order: the version-row change's count first.
		this.versions.check(change, statement.getUpdateCount(), step);
	}

	/** Closes the statements kept. */
	@Override
	public void close() {
		this.statements.close();
	}
}
