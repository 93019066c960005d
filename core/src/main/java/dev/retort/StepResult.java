package dev.retort;

import java.time.Duration;
import java.util.List;

/**
 * One step that ran.
 *
 * @param revision the revision id (for a stamp, the revisions stamped, comma-separated)
 * @param direction upgrade, downgrade or stamp
 * @param message the revision's message
 * @param headsBefore version rows before the step
 * @param headsAfter version rows after the step
 * @param duration how long the step took
 */
public record StepResult(String revision, Direction direction, String message, List<String> headsBefore,
		List<String> headsAfter, Duration duration) {

	public StepResult {
		headsBefore = List.copyOf(headsBefore);
		headsAfter = List.copyOf(headsAfter);
	}
}
