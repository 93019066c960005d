package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.ErrorCode;
import dev.retort.Migration;
import dev.retort.MigrationListener;
import dev.retort.MigrationListener.StepEvent;
import dev.retort.MigrationPlan;
import dev.retort.MigrationStep;
import dev.retort.Operations;
import dev.retort.Outcome;
import dev.retort.RetortException;
import dev.retort.StepResult;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.MigrationLock;
import dev.retort.internal.graph.RevisionNode;
import dev.retort.internal.script.JavaBody;
import dev.retort.internal.script.ScriptBody;
import dev.retort.internal.script.SqlBody;
import dev.retort.internal.script.SqlStatement;

/**
 * Runs a plan's steps on one connection, under the migration lock. By default each revision runs
 * in its own transaction together with its version-row changes and its history row; optionally the
 * whole run is one transaction. A {@code Transactional: false} revision runs in autocommit, then its
 * version and history rows are written in a short transaction. A failure rolls back, records a
 * {@code failed} history row in a transaction of its own, and throws an error that says what state
 * the database is left in.
 * <p>
 * A revision that cannot roll back (on a database whose DDL commits implicitly, or
 * {@code Transactional: false}) first commits a {@code running} history row ({@link RunningRows}),
 * keeps it at the statement under way, and turns it into the outcome at the end, so that a crash
 * leaves a trace that the next run reports as an interrupted revision.
 * <p>
 * About 470 lines with its Javadoc: running a step, tracking the running row and describing its
 * failure (what committed, what rolled back, per engine) belong together.
 */
public final class PlanExecutor {

	private static final Logger logger = LoggerFactory.getLogger(PlanExecutor.class);

	/** The savepoint a pipelined batch can be rolled back to. */
	private static final String PIPELINE_SAVEPOINT = "retort_pipeline";

	private final Database database;

	private final VersionTable versions;

	private final HistoryTable history;

	private final Map<String, ? extends RunnableRevision> revisions;

	private final List<MigrationListener> listeners;

	private final String actor;

	private final boolean transactionPerRevision;

	private final OperationsFactory operations;

	private final TableNames tables;

	private Set<String> interruptedBefore = Set.of();

	private boolean pipelineStatements;

	PlanExecutor(Database database, VersionTable versions, HistoryTable history,
			Map<String, ? extends RunnableRevision> revisions, List<MigrationListener> listeners, String actor,
			boolean transactionPerRevision, OperationsFactory operations, TableNames tables) {
		this.tables = tables;
		this.database = database;
		this.versions = versions;
		this.history = history;
		this.revisions = revisions;
		this.listeners = listeners;
		this.actor = actor;
		this.transactionPerRevision = transactionPerRevision;
		this.operations = operations;
	}

	/**
	 * Sends each transactional revision's statements as one JDBC batch, one round trip where the
	 * driver pipelines batches. Only for scratch replays: a failed batch is rolled back to a savepoint
	 * and its statements run again one by one, to name the failing one (or to run one that returns
	 * rows, which a batch refuses), and running statements twice is harmless only on a throwaway
	 * database.
	 */
	PlanExecutor pipelineStatements(boolean pipelineStatements) {
		this.pipelineStatements = pipelineStatements;
		return this;
	}

	/**
	 * Names the revisions with an earlier interrupted attempt that an operator resolved, so that a
	 * failure message does not claim to know what that attempt left behind.
	 */
	public PlanExecutor interruptedBefore(Set<String> revisions) {
		this.interruptedBefore = Set.copyOf(revisions);
		return this;
	}

	/** Creates live {@link Operations} on a connection for Java revisions. */
	@FunctionalInterface
	interface OperationsFactory {

		Operations live(Connection connection, Database database);
	}

	/** A step that ran, waiting for its commit before listeners hear of it. */
	private record Done(StepEvent event, StepResult result) {
	}

	/**
	 * Runs the plan.
	 * @param stampPurge for a stamp plan, whether every row is deleted first
	 */
	public List<StepResult> execute(Connection connection, MigrationPlan plan, MigrationLock.Held lock, boolean stampPurge)
			throws SQLException {
		boolean oneTransaction = !this.transactionPerRevision;
		if (oneTransaction && !this.database.transactionalDdl()) {
			logger.warn("One transaction for the whole run was asked for, but {} commits DDL implicitly;"
					+ " running each revision in its own transaction instead", this.database.displayName());
			oneTransaction = false;
		}
		try (StepRecords records = new StepRecords(this.database, this.versions, this.history);
				RunningRows runs = new RunningRows(this.database, this.tables)) {
			return execute(connection, plan, lock, stampPurge, oneTransaction, records, runs);
		}
	}

	private List<StepResult> execute(Connection connection, MigrationPlan plan, MigrationLock.Held lock,
			boolean stampPurge, boolean oneTransaction, StepRecords records, RunningRows runs) throws SQLException {
		List<StepResult> results = new ArrayList<>();
		List<Done> uncommitted = new ArrayList<>();
		connection.setAutoCommit(false);
		if (stampPurge) {
			// Commits with the first stamp step, or at the end if there is none.
			this.versions.purge(connection);
		}
		for (MigrationStep step : plan.steps()) {
			lock.checkStillHeld();
			RunnableRevision revision = (step.revision() != null) ? revision(step.revision()) : null;
			StepEvent event = event(step, revision);
			String description = describe(step, revision);
			this.listeners.forEach((listener) -> notify(() -> listener.beforeStep(event)));
			logger.info("Running {}", description);
			Instant started = Instant.now();
			long startNanos = System.nanoTime();
			List<Integer> executed = new ArrayList<>();
			Long runId = null;
			try {
				boolean upgrade = step.direction() == Direction.UPGRADE;
				if (revision != null && !revision.transactional()) {
					if (!uncommitted.isEmpty() || oneTransaction) {
						commit(connection, uncommitted, results);
					}
					connection.setAutoCommit(true);
					runId = startRunning(connection, runs, step, revision, started);
					runBody(connection, revision, upgrade, executed, tracker(connection, runs, runId));
					connection.setAutoCommit(false);
				}
				else if (revision != null && !this.database.transactionalDdl()) {
					// Its DDL commits as it goes: the running row must be committed before it starts.
					runId = startRunning(connection, runs, step, revision, started);
					connection.commit();
					runBody(connection, revision, upgrade, executed, tracker(connection, runs, runId));
				}
				else if (revision != null) {
					runBody(connection, revision, upgrade, executed, null);
				}
				Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
				records.write(connection, step.rowChanges(), new HistoryTable.Entry(historyRevision(step),
						step.direction(), (revision != null) ? revision.checksum() : null, started, duration,
						Outcome.SUCCESS, this.actor, step.headsBefore(), step.headsAfter(), null), description, runs,
						runId);
				uncommitted.add(new Done(event, new StepResult(event.revision(), event.direction(), event.message(),
						step.headsBefore(), step.headsAfter(), duration)));
				if (!oneTransaction) {
					commit(connection, uncommitted, results);
				}
			}
			catch (StepFailure.Thrown thrown) {
				throw fail(connection, step, revision, event, description, started, startNanos, thrown.failure(),
						uncommitted, oneTransaction, runs, runId);
			}
			catch (SQLException | RuntimeException ex) {
				StepFailure failure = new StepFailure(0, 0, null, 0, List.copyOf(executed), ex);
				throw fail(connection, step, revision, event, description, started, startNanos, failure, uncommitted,
						oneTransaction, runs, runId);
			}
		}
		commit(connection, uncommitted, results);
		return results;
	}

	/** Writes the step's {@code running} row (committed by autocommit or by the caller). */
	private long startRunning(Connection connection, RunningRows runs, MigrationStep step, RunnableRevision revision,
			Instant started) throws SQLException {
		runs.ensureColumns(connection);
		// A SQL revision's first statement is under way as soon as the row is written: no second round trip.
		int first = (revision.body() instanceof SqlBody) ? 1 : 0;
		return runs.start(connection, new HistoryTable.Entry(historyRevision(step), step.direction(),
				revision.checksum(), started, Duration.ZERO, Outcome.RUNNING, this.actor, step.headsBefore(),
				step.headsAfter(), null), first);
	}

	private static StatementTracker tracker(Connection connection, RunningRows runs, long runId) {
		return (index) -> {
			if (index > 1) {
				runs.underWay(connection, runId, index);
			}
		};
	}

	/** Told before each statement of a revision whose statements commit as they go. */
	@FunctionalInterface
	private interface StatementTracker {

		void before(int index) throws SQLException;
	}

	private void commit(Connection connection, List<Done> uncommitted, List<StepResult> results) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
		for (Done done : uncommitted) {
			logger.info("Finished {} {} in {} ms", done.event().direction(), done.event().revision(),
					done.result().duration().toMillis());
			this.listeners.forEach((listener) -> notify(() -> listener.afterStep(done.event(), done.result().duration())));
			results.add(done.result());
		}
		uncommitted.clear();
	}

	private RunnableRevision revision(String id) {
		RunnableRevision revision = this.revisions.get(id);
		if (revision == null) {
			throw new RetortException(CoreErrorCode.UNKNOWN_REVISION, "The plan names revision " + id
					+ ", which was not loaded");
		}
		return revision;
	}

	/** Runs the revision's statements, adding the line of each one that completed to {@code executed}. */
	private void runBody(Connection connection, RunnableRevision revision, boolean upgrade, List<Integer> executed,
			@Nullable StatementTracker tracker) throws StepFailure.Thrown {
		ScriptBody body = revision.body();
		String id = revision.node().id();
		if (body instanceof SqlBody sql) {
			List<SqlStatement> statements = upgrade ? sql.upgradeStatements(this.database.name())
					: sql.downgradeStatements(this.database.name());
			if (tracker == null && this.pipelineStatements && statements.size() > 1
					&& runPipelined(connection, id, revision, statements, executed)) {
				return;
			}
			for (int i = 0; i < statements.size(); i++) {
				SqlStatement statement = statements.get(i);
				logger.debug("[{}] {}:{}: {}", id, revision.source(), statement.line(), statement.sql());
				try (Statement jdbc = connection.createStatement()) {
					if (tracker != null) {
						tracker.before(i + 1);
					}
					jdbc.execute(statement.sql());
				}
				catch (SQLException ex) {
					throw new StepFailure.Thrown(new StepFailure(i + 1, statements.size(), statement.sql(),
							statement.line(), List.copyOf(executed), ex));
				}
				executed.add(statement.line());
			}
		}
		else if (body instanceof JavaBody java) {
			Migration migration = java.migration();
			Operations op = this.operations.live(connection, this.database);
			try {
				if (upgrade) {
					migration.upgrade(op);
				}
				else {
					migration.downgrade(op);
				}
			}
			catch (Exception ex) {
				throw new StepFailure.Thrown(new StepFailure(0, 0, null, 0, List.of(), ex));
			}
		}
	}

	/**
	 * Runs the statements as one batch between a savepoint and its release.
	 * @return {@code true} if they ran; {@code false} if the batch failed and was rolled back to the
	 * savepoint, so that the caller runs them one by one
	 */
	private boolean runPipelined(Connection connection, String id, RunnableRevision revision,
			List<SqlStatement> statements, List<Integer> executed) throws StepFailure.Thrown {
		try (Statement jdbc = connection.createStatement()) {
			jdbc.addBatch("SAVEPOINT " + PIPELINE_SAVEPOINT);
			for (SqlStatement statement : statements) {
				logger.debug("[{}] {}:{}: {}", id, revision.source(), statement.line(), statement.sql());
				jdbc.addBatch(statement.sql());
			}
			jdbc.addBatch("RELEASE SAVEPOINT " + PIPELINE_SAVEPOINT);
			jdbc.executeBatch();
		}
		catch (SQLException batchFailure) {
			try (Statement undo = connection.createStatement()) {
				undo.execute("ROLLBACK TO SAVEPOINT " + PIPELINE_SAVEPOINT);
			}
			catch (SQLException ex) {
				ex.addSuppressed(batchFailure);
				throw new StepFailure.Thrown(new StepFailure(0, statements.size(), null, 0, List.of(), ex));
			}
			logger.debug("[{}] the batch failed ({}); running the statements one by one", id, batchFailure.getMessage());
			return false;
		}
		statements.forEach((statement) -> executed.add(statement.line()));
		return true;
	}

	private RetortException fail(Connection connection, MigrationStep step, @Nullable RunnableRevision revision,
			StepEvent event, String description, Instant started, long startNanos, StepFailure failure,
			List<Done> uncommitted, boolean oneTransaction, RunningRows runs, @Nullable Long runId) {
		Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
		boolean wasAutocommit = autocommit(connection);
		Sql.rollbackQuietly(connection);
		List<String> rowsNow = readRowsQuietly(connection);
		String message = message(step, revision, failure, wasAutocommit, uncommitted, oneTransaction, rowsNow);
		recordFailure(connection, step, revision, started, duration, rowsNow, message, runs, runId);
		this.listeners.forEach((listener) -> notify(() -> listener.stepFailed(event, duration, failure.cause())));
		logger.error("Failed {}: {}", description, message);
		if (failure.cause() instanceof RetortException retort && failure.statement() == null
				&& retort.code() != CoreErrorCode.STATEMENT_FAILED && (revision == null
						|| !(revision.body() instanceof JavaBody))) {
			return RetortException.builder(retort.code(), message)
				.revision(event.revision())
				.source((revision != null) ? revision.source() : null)
				.cause(retort)
				.build();
		}
		ErrorCode code = (revision != null && revision.body() instanceof JavaBody) ? CoreErrorCode.MIGRATION_FAILED
				: (failure.statement() != null) ? CoreErrorCode.STATEMENT_FAILED : CoreErrorCode.DATABASE_ERROR;
		return RetortException.builder(code, message)
			.revision(event.revision())
			.source((revision != null) ? revision.source() : null)
			.line(failure.line())
			.statement(failure.statement())
			.cause(failure.cause())
			.build();
	}

	private static boolean autocommit(Connection connection) {
		try {
			return connection.getAutoCommit();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private List<String> readRowsQuietly(Connection connection) {
		try {
			List<String> rows = this.versions.read(connection);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			return rows;
		}
		catch (SQLException ex) {
			Sql.rollbackQuietly(connection);
			return List.of("<unreadable: " + ex.getMessage() + ">");
		}
	}

	private void recordFailure(Connection connection, MigrationStep step, @Nullable RunnableRevision revision,
			Instant started, Duration duration, List<String> rowsNow, String message, RunningRows runs,
			@Nullable Long runId) {
		try {
			connection.setAutoCommit(false);
			if (runId != null) {
				runs.finish(connection, runId, Outcome.FAILED, duration, rowsNow, message);
				connection.commit();
				return;
			}
			this.history.insert(connection, new HistoryTable.Entry(historyRevision(step), step.direction(),
					(revision != null) ? revision.checksum() : null, started, duration, Outcome.FAILED, this.actor,
					step.headsBefore(), rowsNow, message));
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			Sql.rollbackQuietly(connection);
			logger.warn("Could not record the failed step in the history table: {}", ex.getMessage());
		}
	}

	private String message(MigrationStep step, @Nullable RunnableRevision revision, StepFailure failure,
			boolean ranInAutocommit, List<Done> uncommitted, boolean oneTransaction, List<String> rowsNow) {
		StringBuilder message = new StringBuilder();
		String id = (revision != null) ? revision.node().id() : historyRevision(step);
		message.append(capitalize(step.direction().value())).append(" of revision ").append(id);
		if (revision != null) {
			message.append(" (").append(revision.source()).append(')');
		}
		message.append(" failed");
		if (failure.statement() != null) {
			message.append(" at line ").append(failure.line()).append(", statement ").append(failure.statementIndex())
				.append(" of ").append(failure.statementCount()).append(": ").append(abbreviate(failure.statement()));
		}
		message.append("\n  ").append(causeText(failure.cause()));
		message.append("\n  Database state: ");
		String rows = rowsNow.isEmpty() ? "empty (base)" : String.join(", ", rowsNow);
		boolean committedPart = !failure.executedLines().isEmpty();
		if (revision != null && ranInAutocommit) {
			message.append("the revision runs outside a transaction (Transactional: false), so ");
			message.append(committedPart ? "statements 1 to " + failure.executedLines().size() + " (lines "
					+ joinLines(failure.executedLines()) + ") ran and are committed; "
					: "no statement of this attempt completed before the failing one; ");
			message.append("whether the failing statement itself left something behind (such as an INVALID index"
					+ " after CREATE INDEX CONCURRENTLY) is not known; ");
		}
		else if (revision != null && !this.database.transactionalDdl()) {
			message.append(this.database.displayName()).append(" commits DDL implicitly, so ");
			if (committedPart) {
				message.append("statements 1 to ").append(failure.executedLines().size()).append(" of this revision (lines ")
					.append(joinLines(failure.executedLines()))
					.append(") ran; their DDL is committed, and so is every data change made before their last DDL"
							+ " statement (later data changes were rolled back); ");
			}
			else {
				message.append("no statement of this attempt ran before the failing one; ");
			}
		}
		else if (revision != null) {
			message.append("the revision's transaction was rolled back, nothing of it remains; ");
		}
		if (revision != null && this.interruptedBefore.contains(id) && (ranInAutocommit
				|| !this.database.transactionalDdl())) {
			message.append("an earlier attempt of this revision was interrupted and an operator resolved it as rolled"
					+ " back; whether its work was fully undone is not known; ");
		}
		message.append("the version table is unchanged by this step and holds: ").append(rows).append('.');
		if (oneTransaction && !uncommitted.isEmpty()) {
			message.append(" The run's earlier steps in the same transaction were rolled back too: ")
				.append(uncommitted.stream().map((done) -> done.event().revision()).collect(Collectors.joining(", ")))
				.append('.');
		}
		if (committedPart && (ranInAutocommit || !this.database.transactionalDdl())) {
			message.append(" Undo (or finish) those statements by hand, then run again; revision ").append(id)
				.append(" is not recorded as applied.");
		}
		return message.toString();
	}

	private static String causeText(Throwable cause) {
		if (cause instanceof SQLException sql) {
			return Sql.describe(sql);
		}
		Throwable current = cause;
		while (current != null) {
			if (current instanceof SQLException sql) {
				return cause.getClass().getSimpleName() + ": " + cause.getMessage() + " (" + Sql.describe(sql) + ")";
			}
			current = current.getCause();
		}
		return (cause instanceof RetortException retort) ? retort.describe()
				: cause.getClass().getName() + ": " + cause.getMessage();
	}

	private static String joinLines(List<Integer> lines) {
		return lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	private static String abbreviate(String sql) {
		String flat = sql.replaceAll("\\s+", " ").strip();
		return (flat.length() <= 300) ? flat : flat.substring(0, 297) + "...";
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static void notify(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			logger.warn("A migration listener failed: {}", ex.toString());
		}
	}

	private static String historyRevision(MigrationStep step) {
		if (step.revision() != null) {
			return step.revision();
		}
		List<String> after = step.headsAfter();
		return after.isEmpty() ? "base" : String.join(",", after);
	}

	private static StepEvent event(MigrationStep step, @Nullable RunnableRevision revision) {
		String message = (revision != null) ? revision.node().message() : "";
		return new StepEvent(historyRevision(step), step.direction(), message);
	}

	/** Alembic's wording: {@code upgrade a -> b, message}, {@code downgrade b -> a, message}, {@code stamp_revision a -> b}. */
	static String describe(MigrationStep step, @Nullable RunnableRevision revision) {
		if (revision == null) {
			return "stamp_revision " + String.join(", ", step.headsBefore()) + " -> "
					+ String.join(", ", step.headsAfter());
		}
		RevisionNode node = revision.node();
		String down = String.join(", ", node.downRevisions());
		String text = (step.direction() == Direction.UPGRADE) ? "upgrade " + down + " -> " + node.id()
				: "downgrade " + node.id() + " -> " + down;
		return node.message().isEmpty() ? text : text + ", " + node.message();
	}
}
