package dev.retort.autoconfigure.metrics;

import io.micrometer.observation.Observation;

/**
 * The {@link Observation.Context} of one migration step: what a
 * {@link MigrationStepObservationConvention} turns into the observation's name and key values.
 */
public class MigrationStepContext extends Observation.Context {

	private final String revision;

	private final String direction;

	private final String message;

	private String outcome = RetortMeters.SUCCESS;

	/**
	 * Creates the context of a step about to run.
	 * @param revision the revision id (for a stamp, the revisions stamped, comma-separated)
	 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param message the revision's message
	 */
	public MigrationStepContext(String revision, String direction, String message) {
		this.revision = revision;
		this.direction = direction;
		this.message = message;
	}

	/** The revision id (for a stamp, the revisions stamped, comma-separated). */
	public String getRevision() {
		return this.revision;
	}

	/** {@code upgrade}, {@code downgrade} or {@code stamp}. */
	public String getDirection() {
		return this.direction;
	}

	/** The revision's message. */
	public String getMessage() {
		return this.message;
	}

	/** {@link RetortMeters#SUCCESS} until the step fails, then {@link RetortMeters#FAILED}. */
	public String getOutcome() {
		return this.outcome;
	}

	void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
