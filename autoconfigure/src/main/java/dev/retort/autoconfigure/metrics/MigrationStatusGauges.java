package dev.retort.autoconfigure.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.retort.MigrationListener;
import dev.retort.MigrationStatus;
import dev.retort.Retort;

/**
 * The gauges {@value RetortMeters#REVISIONS_PENDING} and {@value RetortMeters#HEADS_CURRENT}. Their
 * values come from one status read, kept for a short time so a scrape costs the database at most one
 * read per interval, and dropped as soon as a step of this application ends (this class also listens
 * to steps). While the database cannot be read, both gauges report NaN.
 */
public class MigrationStatusGauges implements MeterBinder, MigrationListener {

	private static final Log logger = LogFactory.getLog(MigrationStatusGauges.class);

	/** How long a status read is reused. */
	public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(10);

	private final Supplier<Retort> retort;

	private final long timeToLiveNanos;

	private volatile @Nullable Snapshot snapshot;

	/**
	 * Creates the gauges.
	 * @param retort supplies the engine (looked up lazily: the engine is built with this listener)
	 * @param timeToLive how long a status read is reused
	 */
	public MigrationStatusGauges(Supplier<Retort> retort, Duration timeToLive) {
		this.retort = retort;
		this.timeToLiveNanos = timeToLive.toNanos();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, RetortMeters.REVISIONS_PENDING, "Revisions not yet applied to the database",
				(status) -> status.pending().size());
		gauge(registry, RetortMeters.HEADS_CURRENT, "Revisions the database is at (version table rows)",
				(status) -> status.current().size());
	}

	private void gauge(MeterRegistry registry, String name, String description,
			ToDoubleFunction<MigrationStatus> value) {
		Gauge.builder(name, this, (gauges) -> gauges.value(value))
			.description(description)
			.baseUnit("revisions")
			.strongReference(true)
			.register(registry);
	}

	private double value(ToDoubleFunction<MigrationStatus> value) {
		MigrationStatus status = status();
		return (status != null) ? value.applyAsDouble(status) : Double.NaN;
	}

	private @Nullable MigrationStatus status() {
		long now = System.nanoTime();
		Snapshot current = this.snapshot;
		if (current == null || now - current.readAt() > this.timeToLiveNanos) {
			current = new Snapshot(read(), now);
			this.snapshot = current;
		}
		return current.status();
	}

	private @Nullable MigrationStatus read() {
		try {
			return this.retort.get().status();
		}
		catch (RuntimeException ex) {
			logger.debug("Retort gauges could not read the database: " + ex.getClass().getName());
			return null;
		}
	}

	@Override
	public void afterStep(StepEvent step, Duration duration) {
		this.snapshot = null;
	}

	@Override
	public void stepFailed(StepEvent step, Duration duration, Throwable failure) {
		this.snapshot = null;
	}

	private record Snapshot(@Nullable MigrationStatus status, long readAt) {
	}

}
