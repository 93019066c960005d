package dev.retort.autoconfigure.metrics;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.retort.MigrationListener;

/**
 * Feeds every step the engine runs to a {@link MigrationMetricsTracker}. A tracker that throws is
 * logged and ignored: metrics never fail a migration.
 */
public class MetricsMigrationListener implements MigrationListener {

	private static final Log logger = LogFactory.getLog(MetricsMigrationListener.class);

	private final MigrationMetricsTracker tracker;

	/**
	 * Creates a listener recording into {@code tracker}.
	 * @param tracker the tracker
	 */
	public MetricsMigrationListener(MigrationMetricsTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void afterStep(StepEvent step, Duration duration) {
		record(step, RetortMeters.SUCCESS, duration);
	}

	@Override
	public void stepFailed(StepEvent step, Duration duration, Throwable failure) {
		record(step, RetortMeters.FAILED, duration);
	}

	private void record(StepEvent step, String outcome, Duration duration) {
		try {
			this.tracker.recordStep(step.revision(), step.direction().value(), outcome, duration);
		}
		catch (RuntimeException ex) {
			logger.warn("Migration metrics tracker failed; the step is not recorded", ex);
		}
	}

}
