package dev.retort.autoconfigure.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a migration step's {@link Observation} and its key values. Define a bean of this type to
 * replace {@link DefaultMigrationStepObservationConvention} (for example to drop the
 * {@code revision} tag, or to add your own), as Boot's own observation conventions are replaced.
 */
public interface MigrationStepObservationConvention extends ObservationConvention<MigrationStepContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MigrationStepContext;
	}

}
