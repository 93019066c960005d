package dev.retort.internal.command;

import java.util.List;

import dev.retort.Command;
import dev.retort.MigrationPlan;
import dev.retort.MigrationResult;
import dev.retort.internal.execution.EngineContext;

/** {@code upgrade}: runs the revisions up to a target, under the migration lock. */
public final class UpgradeCommand {

	private final EngineContext context;

	public UpgradeCommand(EngineContext context) {
		this.context = context;
	}

	/** Upgrades to {@code target}. */
	public MigrationResult run(String target) {
		return LockedRun.run(this.context, Command.UPGRADE, target,
				(rows) -> this.context.graph().planUpgrade(rows, target), false);
	}

	/** The plan an upgrade to {@code target} would run now (read without the lock). */
	public MigrationPlan plan(String target) {
		List<String> rows = this.context.readRows();
		this.context.requireKnown(rows);
		return this.context.graph().planUpgrade(rows, target);
	}
}
