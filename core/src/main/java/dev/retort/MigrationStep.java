package dev.retort;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One step of a plan: running a revision's upgrade or downgrade, or a stamp.
 *
 * @param direction what the step does: upgrade or downgrade one revision, or stamp
 * @param revision the revision whose script runs ({@code null} for a stamp)
 * @param rowChanges the version-table changes the step makes, in order
 * @param headsBefore the version rows before the step (sorted)
 * @param headsAfter the version rows after the step (sorted)
 */
public record MigrationStep(Direction direction, @Nullable String revision, List<VersionRowChange> rowChanges,
		List<String> headsBefore, List<String> headsAfter) {

	public MigrationStep {
		rowChanges = List.copyOf(rowChanges);
		headsBefore = List.copyOf(headsBefore);
		headsAfter = List.copyOf(headsAfter);
	}
}
