package dev.retort;

import java.time.Duration;

/**
 * Hears about every step Retort runs, so metrics, tracing and logs can hook in. All methods have
 * no-op defaults; implementations must be thread-safe and must not throw.
 */
public interface MigrationListener {

	/** A listener that does nothing. */
	MigrationListener NONE = new MigrationListener() {
	};

	/** Called before a step starts. */
	default void beforeStep(StepEvent step) {
	}

	/** Called after a step committed. */
	default void afterStep(StepEvent step, Duration duration) {
	}

	/** Called after a step failed and was rolled back (as far as the database can). */
	default void stepFailed(StepEvent step, Duration duration, Throwable failure) {
	}

	/**
	 * What a listener is told about a step.
	 *
	 * @param revision the revision id ({@code null}-free: a stamp reports the target revisions joined by {@code ,})
	 * @param direction upgrade, downgrade or stamp
	 * @param message the revision's message
	 */
	record StepEvent(String revision, Direction direction, String message) {
	}
}
