package dev.retort.autoconfigure.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * The gauges {@value RetortMeters#REVISIONS_PENDING} and {@value RetortMeters#HEADS_CURRENT}, one
 * pair per {@link Retort} bean, tagged {@value RetortMeters#BEAN} with the bean's name. Their values
 * come from one status read per bean, kept for a short time so a scrape costs each database at most
 * one read per interval, and dropped as soon as a step of this application ends (this class also
 * listens to steps). While a database cannot be read, its gauges report NaN. The gauges have no base
 * unit, so Prometheus exports them under their own names ({@code retort_revisions_pending}).
 */
public class MigrationStatusGauges implements MeterBinder, MigrationListener {

	private static final Log logger = LogFactory.getLog(MigrationStatusGauges.class);

	/** How long a status read is reused. */
	public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(10);

	private final Map<String, Supplier<Retort>> retorts;

	private final long timeToLiveNanos;

	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	/**
	 * Creates the gauges.
	 * @param retorts the engines by bean name, each looked up when its gauges are first read (the
	 *        engines are built with this listener)
	 * @param timeToLive how long a status read is reused
	 */
	public MigrationStatusGauges(Map<String, Supplier<Retort>> retorts, Duration timeToLive) {
		this.retorts = new LinkedHashMap<>(retorts);
		this.timeToLiveNanos = timeToLive.toNanos();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.retorts.forEach((name, retort) -> {
			gauge(registry, name, retort, RetortMeters.REVISIONS_PENDING, "Revisions not yet applied to the database",
					(status) -> status.pending().size());
			gauge(registry, name, retort, RetortMeters.HEADS_CURRENT,
					"Revisions the database is at (version table rows)", (status) -> status.current().size());
		});
	}

	private void gauge(MeterRegistry registry, String name, Supplier<Retort> retort, String meter, String description,
			ToDoubleFunction<MigrationStatus> value) {
		Gauge.builder(meter, this, (gauges) -> gauges.value(name, retort, value))
			.description(description)
			.tag(RetortMeters.BEAN, name)
			.strongReference(true)
			.register(registry);
	}

	private double value(String name, Supplier<Retort> retort, ToDoubleFunction<MigrationStatus> value) {
		MigrationStatus status = status(name, retort);
		return (status != null) ? value.applyAsDouble(status) : Double.NaN;
	}

	private @Nullable MigrationStatus status(String name, Supplier<Retort> retort) {
		long now = System.nanoTime();
		Snapshot current = this.snapshots.get(name);
		if (current == null || now - current.readAt() > this.timeToLiveNanos) {
			current = new Snapshot(read(retort), now);
			this.snapshots.put(name, current);
		}
		return current.status();
	}

	private static @Nullable MigrationStatus read(Supplier<Retort> retort) {
		try {
			return retort.get().status();
		}
		catch (RuntimeException ex) {
			logger.debug("Retort gauges could not read the database: " + ex.getClass().getName());
			return null;
		}
	}

	@Override
	public void afterStep(StepEvent step, Duration duration) {
		this.snapshots.clear();
	}

	@Override
	public void stepFailed(StepEvent step, Duration duration, Throwable failure) {
		this.snapshots.clear();
	}

	private record Snapshot(@Nullable MigrationStatus status, long readAt) {
	}

}
