package dev.retort.autoconfigure.metrics;

import java.time.Duration;

/**
 * Records Retort's migration metrics, as HikariCP's {@code IMetricsTracker} records pool metrics: the
 * engine's listener calls it for every step, and an implementation maps the calls to a metrics
 * library. Every method has a no-op default; implementations must be thread-safe and must not throw.
 * Define a bean of this type to replace the Micrometer tracker.
 */
public interface MigrationMetricsTracker {

	/** A tracker that records nothing. */
	MigrationMetricsTracker NONE = new MigrationMetricsTracker() {
	};

	/**
	 * Records one step that ran.
	 * @param revision the revision id (for a stamp, the revisions stamped, comma-separated)
	 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param outcome {@link RetortMeters#SUCCESS} or {@link RetortMeters#FAILED}
	 * @param duration how long the step took
	 */
	default void recordStep(String revision, String direction, String outcome, Duration duration) {
	}

}
