package dev.retort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of the history table: a step that was run against this database.
 *
 * @param id the row's id (increasing)
 * @param revision the revision (for a stamp, the revisions stamped)
 * @param direction upgrade, downgrade, stamp or repair
 * @param checksum the revision's checksum when it ran, if it has one
 * @param startedAt when the step started
 * @param duration how long it took
 * @param outcome success or failed
 * @param actor who ran it (application, CLI user, Actuator principal)
 * @param headsBefore version rows before
 * @param headsAfter version rows after
 * @param error the error, for a failed step
 */
public record AppliedStep(long id, String revision, Direction direction, @Nullable String checksum, Instant startedAt,
		Duration duration, Outcome outcome, String actor, List<String> headsBefore, List<String> headsAfter,
		@Nullable String error) {

	public AppliedStep {
		headsBefore = List.copyOf(headsBefore);
		headsAfter = List.copyOf(headsAfter);
	}
}
