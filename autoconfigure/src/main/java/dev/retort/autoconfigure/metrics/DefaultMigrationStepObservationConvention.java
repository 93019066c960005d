package dev.retort.autoconfigure.metrics;

import io.micrometer.common.KeyValues;

/**
 * The default names: observation {@value RetortMeters#MIGRATION} (so Boot's meter handler records a
 * {@value RetortMeters#MIGRATION} timer), contextual name {@code retort <direction> <revision>},
 * low-cardinality keys {@value RetortMeters#REVISION}, {@value RetortMeters#DIRECTION} and
 * {@value RetortMeters#OUTCOME}, and the revision's message as the high-cardinality key
 * {@value RetortMeters#MESSAGE}.
 */
public class DefaultMigrationStepObservationConvention implements MigrationStepObservationConvention {

	@Override
	public String getName() {
		return RetortMeters.MIGRATION;
	}

	@Override
	public String getContextualName(MigrationStepContext context) {
		return "retort " + context.getDirection() + " " + context.getRevision();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MigrationStepContext context) {
		// A revision id is bounded by the graph, so it is low-cardinality enough to be a tag.
		return KeyValues.of(RetortMeters.REVISION, context.getRevision(), RetortMeters.DIRECTION,
				context.getDirection(), RetortMeters.OUTCOME, context.getOutcome());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MigrationStepContext context) {
		return KeyValues.of(RetortMeters.MESSAGE, context.getMessage());
	}

}
