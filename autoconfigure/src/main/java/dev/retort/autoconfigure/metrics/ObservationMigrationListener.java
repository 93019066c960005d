package dev.retort.autoconfigure.metrics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.jspecify.annotations.Nullable;

import dev.retort.MigrationListener;

/**
 * Wraps every migration step in an {@link Observation}: Retort's one instrumentation path. With
 * Boot's meter handler the observation is the {@value RetortMeters#MIGRATION} timer; with tracing it
 * is a span per step (with the JDBC spans of its statements inside it, since the observation is in
 * scope while the step runs). Names and key values come from a
 * {@link MigrationStepObservationConvention} ({@link DefaultMigrationStepObservationConvention}
 * unless one is given).
 */
public class ObservationMigrationListener implements MigrationListener {

	private static final MigrationStepObservationConvention DEFAULT_CONVENTION = new DefaultMigrationStepObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable MigrationStepObservationConvention convention;

	/** Steps run on the migrating thread, one at a time; a stack keeps any nesting straight. */
	private final ThreadLocal<Deque<Running>> running = ThreadLocal.withInitial(ArrayDeque::new);

	/**
	 * Creates a listener observing into {@code registry}.
	 * @param registry the registry
	 */
	public ObservationMigrationListener(ObservationRegistry registry) {
		this(registry, null);
	}

	/**
	 * Creates a listener observing into {@code registry} with a custom convention.
	 * @param registry the registry
	 * @param convention replaces the default convention; {@code null} keeps it
	 */
	public ObservationMigrationListener(ObservationRegistry registry,
			@Nullable MigrationStepObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public void beforeStep(StepEvent step) {
		MigrationStepContext context = new MigrationStepContext(step.revision(), step.direction().value(), step.message());
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		this.running.get().push(new Running(observation, context, observation.openScope()));
	}

	@Override
	public void afterStep(StepEvent step, Duration duration) {
		end(null);
	}

	@Override
	public void stepFailed(StepEvent step, Duration duration, Throwable failure) {
		end(failure);
	}

	private void end(@Nullable Throwable failure) {
		Deque<Running> stack = this.running.get();
		Running current = stack.poll();
		if (stack.isEmpty()) {
			this.running.remove();
		}
		if (current == null) {
			return;
		}
		current.scope().close();
		if (failure != null) {
			current.context().setOutcome(RetortMeters.FAILED);
			current.observation().error(failure);
		}
		current.observation().stop();
	}

	private record Running(Observation observation, MigrationStepContext context, Observation.Scope scope) {
	}

}
