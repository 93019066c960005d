package dev.retort.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.InterruptedRevision;
import dev.retort.Outcome;
import dev.retort.Resolution;
import dev.retort.RetortException;
import dev.retort.VersionRowChange;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.HistoryTable;
import dev.retort.internal.execution.Interruptions;
import dev.retort.internal.execution.RunningRows;
import dev.retort.internal.execution.VersionTable;

/**
 * {@code resolve}: the operator's way out of an interrupted revision, under the migration lock.
 * {@link Resolution#ROLLED_BACK} marks the attempt {@code interrupted} (the revision stays
 * unapplied, a retry may run); {@link Resolution#APPLIED} also moves the version rows as the step
 * would have and records a successful step with the revision's current checksum. Both write a
 * history row with the actor.
 */
public final class ResolveCommand {

	private final EngineContext context;

	public ResolveCommand(EngineContext context) {
		this.context = context;
	}

	/**
	 * Resolves the interrupted attempt of the revision {@code identifier} names.
	 * @throws RetortException {@code NOT_INTERRUPTED} if it has none
	 */
	public InterruptedRevision run(String identifier, Resolution resolution) {
		String id = this.context.revision(identifier).id();
		String actor = this.context.settings().actor();
		return this.context.locked((connection, database, tables, rows, lock) -> {
			HistoryTable history = new HistoryTable(database, tables);
			Interruptions.Found found = null;
			HistoryTable.Scan scan = history.scan(connection);
			if (scan != null && scan.running()) {
				for (Interruptions.Found candidate : this.context.interruptions().find(connection, database, tables)) {
					if (candidate.row().revision().equals(id)) {
						found = candidate;
					}
				}
			}
			if (found == null) {
				throw RetortException.builder(CoreErrorCode.NOT_INTERRUPTED, "Revision " + id
						+ " has no interrupted attempt to resolve (no history row of it is still 'running'). Nothing"
						+ " was changed.").revision(id).build();
			}
			RunningRows.Row row = found.row();
			Instant now = Instant.now();
			connection.setAutoCommit(false);
			List<String> after = rows;
			String note;
			try (VersionTable versions = new VersionTable(database, tables)) {
				if (resolution == Resolution.APPLIED) {
					if (!new HashSet<>(rows).equals(new HashSet<>(row.headsBefore()))) {
						throw RetortException.builder(CoreErrorCode.VERSION_TABLE_MISMATCH, "Cannot mark revision " + id
								+ " applied: the version table holds " + String.join(", ", rows) + ", but the"
								+ " interrupted " + row.direction() + " started from " + String.join(", ", row.headsBefore())
								+ ". Use `stamp` to set the version rows, then `resolve " + id + " --rolled-back`.")
							.revision(id)
							.build();
					}
					versions.apply(connection, changes(rows, row.headsAfter()), "resolve " + id);
					after = row.headsAfter();
					note = "resolved by " + actor + " at " + now + ": completed by hand and marked applied (resolve"
							+ " --applied)";
					history.insert(connection, new HistoryTable.Entry(id, row.direction(),
							(row.direction() == Direction.UPGRADE) ? this.context.checksum(id) : row.checksum(), now,
							Duration.ZERO, Outcome.SUCCESS, actor, rows, after, note));
				}
				else {
					note = "resolved by " + actor + " at " + now + ": partial work undone by hand, attempt abandoned"
							+ " (resolve --rolled-back)";
				}
				new RunningRows(database, tables).markInterrupted(connection, row.id(), "Interrupted " + row.direction()
						+ " started at " + row.startedAt() + " by " + row.actor() + "; " + note);
				history.insert(connection, new HistoryTable.Entry(id, Direction.RESOLVE, null, now, Duration.ZERO,
						Outcome.SUCCESS, actor, rows, after, (resolution == Resolution.APPLIED ? "applied: " : "rolled-back: ")
								+ "interrupted " + row.direction() + " started at " + row.startedAt() + " by " + row.actor()));
				connection.commit();
			}
			return found.revision();
		});
	}

	private static List<VersionRowChange> changes(List<String> before, List<String> after) {
		List<VersionRowChange> changes = new ArrayList<>();
		for (String row : before) {
			if (!after.contains(row)) {
				changes.add(new VersionRowChange.Delete(row));
			}
		}
		for (String row : after) {
			if (!before.contains(row)) {
				changes.add(new VersionRowChange.Insert(row));
			}
		}
		return changes;
	}
}
