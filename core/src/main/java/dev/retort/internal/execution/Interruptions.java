package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.InterruptedRevision;
import dev.retort.RetortException;
import dev.retort.internal.database.Database;
import dev.retort.internal.script.SqlBody;
import dev.retort.internal.script.SqlStatement;

/**
 * Finds interrupted revisions (history rows still {@code running} while the caller holds the
 * migration lock, so their run is gone) and describes them: who started them and when, the
 * statements that may have committed, and the INVALID indexes they left (PostgreSQL).
 */
public final class Interruptions {

	private final Map<String, RunnableRevision> revisions;

	Interruptions(Map<String, RunnableRevision> revisions) {
		this.revisions = revisions;
	}

	/** The interrupted revisions, with the rows they come from; call under the lock. */
	public List<Found> find(Connection connection, Database database, TableNames tables) throws SQLException {
		List<Found> found = new ArrayList<>();
		for (RunningRows.Row row : new RunningRows(database, tables).running(connection)) {
			found.add(new Found(row, describe(connection, database, row)));
		}
		return found;
	}

	/** A running row and what it tells. */
	public record Found(RunningRows.Row row, InterruptedRevision revision) {
	}

	/**
	 * Refuses to run anything while a revision is interrupted.
	 * @throws RetortException {@code INTERRUPTED_REVISION} naming the first one
	 */
	public void refuse(Connection connection, Database database, TableNames tables) throws SQLException {
		List<Found> found = find(connection, database, tables);
		if (found.isEmpty()) {
			return;
		}
		throw error(found.stream().map(Found::revision).toList());
	}

	/** The error for interrupted revisions. */
	public static RetortException error(List<InterruptedRevision> interrupted) {
		InterruptedRevision first = interrupted.get(0);
		StringBuilder message = new StringBuilder();
		for (InterruptedRevision revision : interrupted) {
			message.append((message.length() == 0) ? "" : "\n").append(revision.describe());
		}
		message.append("\nNothing was run. Undo its partial work by hand and run `retort resolve ")
			.append(first.revision())
			.append(" --rolled-back` (a retry may then run), or complete it by hand and run `retort resolve ")
			.append(first.revision())
			.append(" --applied` (marks it applied). See \"After a crash\" in docs/operations.md.");
		return RetortException.builder(CoreErrorCode.INTERRUPTED_REVISION, message.toString())
			.revision(first.revision())
			.source(first.source())
			.build();
	}

	private InterruptedRevision describe(Connection connection, Database database, RunningRows.Row row) {
		RunnableRevision revision = this.revisions.get(row.revision());
		List<String> all = new ArrayList<>();
		List<String> committed = new ArrayList<>();
		int count = 0;
		if (revision != null && revision.body() instanceof SqlBody sql) {
			List<SqlStatement> statements = (row.direction() == Direction.DOWNGRADE)
					? sql.downgradeStatements(database.name()) : sql.upgradeStatements(database.name());
			count = statements.size();
			for (int i = 0; i < statements.size(); i++) {
				SqlStatement statement = statements.get(i);
				all.add(statement.sql());
				if (i < row.statementIndex()) {
					committed.add("statement " + (i + 1) + ", line " + statement.line() + ": " + flat(statement.sql()));
				}
			}
		}
		List<String> invalid = all.isEmpty() ? List.of() : database.invalidIndexes(connection, all);
		return new InterruptedRevision(row.revision(), row.direction(), (revision != null) ? revision.source() : null,
				row.startedAt(), row.actor(), row.host(), row.processId(), Math.min(row.statementIndex(), count), count,
				committed, invalid);
	}

	private static String flat(String sql) {
		String flat = sql.replaceAll("\\s+", " ").strip();
		return (flat.length() <= 300) ? flat : flat.substring(0, 297) + "...";
	}
}
