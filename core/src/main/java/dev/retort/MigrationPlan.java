package dev.retort;

import java.util.List;

/**
 * The ordered steps that take the version table from {@code headsBefore} to {@code headsAfter}.
 * A pure function of the graph, the current version rows and the target.
 *
 * @param command the command planned: upgrade, downgrade or stamp
 * @param target the target as the user typed it
 * @param steps the steps, in execution order
 * @param headsBefore version rows before (sorted)
 * @param headsAfter version rows after (sorted)
 */
public record MigrationPlan(Command command, String target, List<MigrationStep> steps, List<String> headsBefore,
		List<String> headsAfter) {

	public MigrationPlan {
		steps = List.copyOf(steps);
		headsBefore = List.copyOf(headsBefore);
		headsAfter = List.copyOf(headsAfter);
	}

	/** Whether there is nothing to do. */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}
}
