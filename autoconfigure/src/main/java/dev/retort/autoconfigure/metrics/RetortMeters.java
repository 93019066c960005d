package dev.retort.autoconfigure.metrics;

/**
 * Names of Retort's meters, their tags and the tag values, for dashboards and alerts to refer to.
 */
public final class RetortMeters {

	/**
	 * Observation of every migration step run, and so (with Boot's meter handler) the timer of every
	 * step, tagged {@link #REVISION}, {@link #DIRECTION}, {@link #OUTCOME} and Micrometer's
	 * {@code error}. In Prometheus: {@code retort_migration_seconds_count}, {@code _sum},
	 * {@code _max}, and the long task timer {@code retort_migration_active_seconds_*}.
	 */
	public static final String MIGRATION = "retort.migration";

	/** Gauge: how many revisions {@code upgrade heads} would apply now. */
	public static final String REVISIONS_PENDING = "retort.revisions.pending";

	/** Gauge: how many revisions the database is at (rows of the version table that the code knows). */
	public static final String HEADS_CURRENT = "retort.heads.current";

	/** Tag of the gauges: the name of the {@code Retort} bean (one per database). */
	public static final String BEAN = "bean";

	/** High-cardinality key of the step observation: the revision's message. */
	public static final String MESSAGE = "message";

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
