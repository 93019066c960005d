package dev.retort.internal.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import dev.retort.Command;
import dev.retort.MigrationPlan;
import dev.retort.MigrationResult;
import dev.retort.StepResult;
import dev.retort.internal.database.Database;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.HistoryTable;
import dev.retort.internal.execution.PlanExecutor;
import dev.retort.internal.execution.TableNames;
import dev.retort.internal.execution.VersionTable;

/**
 * What upgrade, downgrade and stamp share: under the migration lock, check the version rows and the
 * checksums, plan from the rows read under the lock, and run the plan. They differ only in how they
 * plan.
 */
final class LockedRun {

	private LockedRun() {
	}

	/**
	 * Reads the history once and refuses to go on while a revision is interrupted.
	 * @throws dev.retort.RetortException {@code INTERRUPTED_REVISION}
	 */
	private static HistoryTable.@Nullable Scan scan(EngineContext context, Connection connection, Database database,
			TableNames tables) throws SQLException {
		HistoryTable.Scan scan = new HistoryTable(database, tables).scan(connection);
		if (scan != null && scan.running()) {
			context.interruptions().refuse(connection, database, tables);
		}
		return scan;
	}

	static MigrationResult run(EngineContext context, Command command, String target,
			Function<List<String>, MigrationPlan> planner, boolean purge) {
		long start = System.nanoTime();
		return context.locked((connection, database, tables, rows, lock) -> {
			if (!purge) {
				context.requireKnown(rows);
			}
			// One read: the checksums, and whether a revision is interrupted (a running row while we hold the lock).
			// Without validation it is read only when something is to run, so a no-op run reads no history.
			boolean validate = context.settings().validateChecksums() && command != Command.STAMP;
			HistoryTable.Scan scan = validate ? scan(context, connection, database, tables) : null;
			if (validate) {
				context.checkChecksums(rows, (scan != null) ? scan.checksums() : Map.of());
			}
			MigrationPlan plan = planner.apply(rows);
			if (!validate && (!plan.steps().isEmpty() || purge)) {
				scan = scan(context, connection, database, tables);
			}
			boolean historyExists = scan != null;
			context.refuseIrreversible(plan, database);
			if (plan.steps().isEmpty() && !purge) {
				// Nothing to run (the usual startup check): no transaction, no second read of the rows,
				// and no probe of the history table (the checksum read above was it).
				return new MigrationResult(command, target, List.of(), rows, rows,
						Duration.ofNanos(System.nanoTime() - start));
			}
			// Only when there are steps to run: a run with nothing to do pays no round trip for it.
			boolean checkingClient = database.startRun(connection);
			List<StepResult> steps;
			List<String> after;
			try (VersionTable versions = new VersionTable(database, tables);
					HistoryTable history = new HistoryTable(database, tables)) {
				if (!historyExists) {
					// Still under the lock and in autocommit, before the first step's transaction.
					history.create(connection);
				}
				PlanExecutor executor = context.executor(database, versions, history)
					.interruptedBefore((scan != null) ? scan.interrupted() : java.util.Set.of());
				steps = executor.execute(connection, plan, lock, purge);
				after = versions.read(connection);
				connection.commit();
			}
			finally {
				if (checkingClient) {
					EngineContext.endRun(connection, database);
				}
			}
			return new MigrationResult(command, target, steps, rows, after,
					Duration.ofNanos(System.nanoTime() - start));
		}, command != Command.DOWNGRADE);
	}
}
