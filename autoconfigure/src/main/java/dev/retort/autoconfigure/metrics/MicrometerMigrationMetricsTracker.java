package dev.retort.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records every step in the {@value RetortMeters#MIGRATION} timer of a Micrometer registry, tagged
 * with the revision, the direction and the outcome.
 */
public class MicrometerMigrationMetricsTracker implements MigrationMetricsTracker {

	private final MeterRegistry registry;

	/**
	 * Creates a tracker recording into {@code registry}.
	 * @param registry the registry
	 */
	public MicrometerMigrationMetricsTracker(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void recordStep(String revision, String direction, String outcome, Duration duration) {
		Timer.builder(RetortMeters.MIGRATION)
			.description("Time taken by each Retort migration step")
			.tag(RetortMeters.REVISION, revision)
			.tag(RetortMeters.DIRECTION, direction)
			.tag(RetortMeters.OUTCOME, outcome)
			.register(this.registry)
			.record(duration);
	}

}
