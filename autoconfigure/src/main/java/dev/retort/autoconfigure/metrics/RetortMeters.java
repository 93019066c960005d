package dev.retort.autoconfigure.metrics;

/**
 * Names of Retort's meters, their tags and the tag values, for dashboards and alerts to refer to.
 */
public final class RetortMeters {

	/** Timer of every migration step run, tagged {@link #REVISION}, {@link #DIRECTION} and {@link #OUTCOME}. */
	public static final String MIGRATION = "retort.migration";

	/** Gauge: how many revisions {@code upgrade heads} would apply now. */
	public static final String REVISIONS_PENDING = "retort.revisions.pending";

	/** Gauge: how many revisions the database is at (rows of the version table that the code knows). */
	public static final String HEADS_CURRENT = "retort.heads.current";

	/**
	 * Observation (for tracing) of every migration step, with low-cardinality keys {@link #REVISION} and
	 * {@link #DIRECTION}.
	 */
	public static final String STEP_OBSERVATION = "retort.migration.step";

	/** Tag: the revision id (for a stamp, the revisions stamped, comma-separated). */
	public static final String REVISION = "revision";

	/** Tag: {@code upgrade}, {@code downgrade} or {@code stamp}. */
	public static final String DIRECTION = "direction";

	/** Tag: {@link #SUCCESS} or {@link #FAILED}. */
	public static final String OUTCOME = "outcome";

	/** Outcome of a step that committed. */
	public static final String SUCCESS = "success";

	/** Outcome of a step that failed and was rolled back as far as the database can. */
	public static final String FAILED = "failed";

	private RetortMeters() {
	}

}
