package dev.retort.internal.command;

import java.util.List;

import dev.retort.Command;
import dev.retort.MigrationResult;
import dev.retort.internal.execution.EngineContext;

/** {@code stamp}: sets the version rows without running any revision, under the migration lock. */
public final class StampCommand {

	private final EngineContext context;

	public StampCommand(EngineContext context) {
		this.context = context;
	}

	/** Stamps {@code targets}; {@code purge} first empties the version table, known rows or not. */
	public MigrationResult run(List<String> targets, boolean purge) {
		return LockedRun.run(this.context, Command.STAMP, String.join(" ", targets),
				(rows) -> this.context.graph().planStamp(rows, targets, purge), purge);
	}
}
