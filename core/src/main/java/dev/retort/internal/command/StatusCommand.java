package dev.retort.internal.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.InterruptedRevision;
import dev.retort.MigrationStatus;
import dev.retort.MigrationStep;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.HistoryTable;
import dev.retort.internal.execution.Interruptions;
import dev.retort.internal.execution.TableNames;
import dev.retort.internal.execution.VersionTable;
import dev.retort.internal.graph.RevisionGraph;

/** {@code current} and status: where the database stands against the code's revisions (no lock). */
public final class StatusCommand {

	private final EngineContext context;

	private final RevisionGraph graph;

	public StatusCommand(EngineContext context) {
		this.context = context;
		this.graph = context.graph();
	}

	/** The revisions the database is at (Alembic's {@code current}). */
	public List<String> current() {
		List<String> rows = this.context.readRows();
		this.context.requireKnown(rows);
		return this.graph.current(rows);
	}

	/** Current, heads, pending, unknown rows and every revision's state, from one connection. */
	public MigrationStatus status() {
		MigrationStatus status = this.context.withConnection((connection, database) -> {
			TableNames tables = this.context.tables(database);
			List<String> rows = new VersionTable(database, tables).readIfExists(connection);
			HistoryTable.Recorded recorded = new HistoryTable(database, tables).recorded(connection);
			return status(rows, recorded, List.of());
		});
		if (!this.running) {
			return status;
		}
		// A running row: interrupted only if its run no longer holds the lock. Try the lock once.
		List<InterruptedRevision> interrupted;
		try {
			interrupted = this.context.withLockTimeout(Duration.ZERO)
				.locked((connection, database, tables, rows, lock) -> this.context.interruptions()
					.find(connection, database, tables)
					.stream()
					.map(Interruptions.Found::revision)
					.toList());
		}
		catch (RetortException ex) {
			if (ex.code() != CoreErrorCode.LOCK_TIMEOUT) {
				throw ex;
			}
			return status; // a migrator is at work: its row is running, not interrupted
		}
		return new MigrationStatus(status.current(), status.heads(), status.pending(), status.unknown(),
				status.revisions(), interrupted);
	}

	private boolean running;

	private MigrationStatus status(List<String> rows, HistoryTable.Recorded recorded,
			List<InterruptedRevision> interrupted) {
		this.running = recorded.running();
		List<String> known = rows.stream().filter(this.graph::contains).toList();
		List<String> unknown = rows.stream().filter((row) -> !this.graph.contains(row)).toList();
		Set<String> applied = this.graph.applied(known);
		List<String> pending = pending(known, applied);
		List<MigrationStatus.RevisionState> states = new ArrayList<>();
		for (String id : this.graph.history(null)) {
			states.add(new MigrationStatus.RevisionState(this.context.info(id), applied.contains(id),
					recorded.appliedAt().get(id)));
		}
		return new MigrationStatus(this.graph.current(known), this.graph.realHeads(), pending, unknown, states,
				interrupted);
	}

	/** The revisions an upgrade to heads would apply, in order (only the version rows are read). */
	public List<RevisionInfo> pending() {
		List<String> rows = this.context.readRows();
		List<String> known = rows.stream().filter(this.graph::contains).toList();
		return this.context.infos(pending(known, null));
	}

	private List<String> pending(List<String> known, @Nullable Set<String> applied) {
		try {
			List<String> ids = new ArrayList<>();
			for (MigrationStep step : this.graph.planUpgrade(known, "heads").steps()) {
				if (step.direction() == Direction.UPGRADE && step.revision() != null) {
					ids.add(step.revision());
				}
			}
			return ids;
		}
		catch (RetortException ex) {
			// The rows cannot be planned from (e.g. overlapping): list what is not applied, oldest first.
			List<String> ids = new ArrayList<>(this.graph.history(null));
			Collections.reverse(ids);
			Set<String> done = (applied != null) ? applied : this.graph.applied(known);
			ids.removeIf(done::contains);
			return ids;
		}
	}
}
