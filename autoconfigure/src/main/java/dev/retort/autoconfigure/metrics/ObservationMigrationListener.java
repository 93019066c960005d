package dev.retort.autoconfigure.metrics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.jspecify.annotations.Nullable;

import dev.retort.MigrationListener;

/**
 * Wraps every migration step in an {@link Observation} named {@value RetortMeters#STEP_OBSERVATION},
 * so tracing shows a span per step (with the JDBC spans of its statements inside it, since the
 * observation is in scope while the step runs). Low-cardinality keys: {@value RetortMeters#REVISION}
 * and {@value RetortMeters#DIRECTION}; the revision's message is a high-cardinality key.
 */
public class ObservationMigrationListener implements MigrationListener {

	private final ObservationRegistry registry;

	/** Steps run on the migrating thread, one at a time; a stack keeps any nesting straight. */
	private final ThreadLocal<Deque<Running>> running = ThreadLocal.withInitial(ArrayDeque::new);

	/**
	 * Creates a listener observing into {@code registry}.
	 * @param registry the registry
	 */
	public ObservationMigrationListener(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void beforeStep(StepEvent step) {
		Observation observation = Observation.createNotStarted(RetortMeters.STEP_OBSERVATION, this.registry)
			.contextualName("retort " + step.direction().value() + " " + step.revision())
			.lowCardinalityKeyValue(RetortMeters.REVISION, step.revision())
			.lowCardinalityKeyValue(RetortMeters.DIRECTION, step.direction().value())
			.highCardinalityKeyValue("message", step.message())
			.start();
		this.running.get().push(new Running(observation, observation.openScope()));
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
			current.observation().error(failure);
		}
		current.observation().stop();
	}

	private record Running(Observation observation, Observation.Scope scope) {
	}

}
