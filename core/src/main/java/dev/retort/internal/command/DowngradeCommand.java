package dev.retort.internal.command;

import java.util.List;
import java.util.function.Consumer;

import dev.retort.Command;
import dev.retort.MigrationPlan;
import dev.retort.MigrationResult;
import dev.retort.internal.execution.EngineContext;

/** {@code downgrade}: reverts revisions down to a target, under the migration lock. */
public final class DowngradeCommand {

	private final EngineContext context;

	public DowngradeCommand(EngineContext context) {
		this.context = context;
	}

	/** Downgrades to {@code target}. */
	public MigrationResult run(String target) {
		return LockedRun.run(this.context, Command.DOWNGRADE, target,
				(rows) -> this.context.graph().planDowngrade(rows, target), false);
	}

	/**
	 * Downgrades to {@code target} after {@code approval} accepted the plan. The approval runs under
	 * the migration lock, with the plan made from the version rows read under it, before any step
	 * runs; it refuses by throwing.
	 */
	public MigrationResult run(String target, Consumer<MigrationPlan> approval) {
		return LockedRun.run(this.context, Command.DOWNGRADE, target, (rows) -> {
			MigrationPlan plan = this.context.graph().planDowngrade(rows, target);
			approval.accept(plan);
			return plan;
		}, false);
	}

	/** The plan a downgrade to {@code target} would run now (read without the lock). */
	public MigrationPlan plan(String target) {
		List<String> rows = this.context.readRows();
		this.context.requireKnown(rows);
		MigrationPlan plan = this.context.graph().planDowngrade(rows, target);
		this.context.refuseIrreversible(plan, this.context.offlineDatabase());
		return plan;
	}
}
