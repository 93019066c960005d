package dev.retort;

import java.time.Duration;
import java.util.List;

/**
 * What an {@code upgrade}, {@code downgrade} or {@code stamp} did.
 *
 * @param command the command run
 * @param target the target as given
 * @param steps the steps run, in order
 * @param headsBefore version rows before
 * @param headsAfter version rows after
 * @param duration total time, lock wait included
 */
public record MigrationResult(Command command, String target, List<StepResult> steps, List<String> headsBefore,
		List<String> headsAfter, Duration duration) {

	public MigrationResult {
		steps = List.copyOf(steps);
		headsBefore = List.copyOf(headsBefore);
		headsAfter = List.copyOf(headsAfter);
	}
}
