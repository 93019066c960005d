package dev.retort;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the database stands against the code, in one read: what the Actuator endpoint, the health
 * check and {@code retort current} show.
 *
 * @param current the database's current revisions (Alembic's {@code current})
 * @param heads the code's heads (what {@code upgrade heads} targets)
 * @param pending revisions between them, in apply order
 * @param unknown revisions in the version table that the code does not know
 * @param revisions every revision of the code, newest first, with whether it is applied
 * @param interrupted revisions whose run died part-way (see {@link InterruptedRevision}); until an
 * operator resolves them, nothing runs
 */
public record MigrationStatus(List<String> current, List<String> heads, List<String> pending, List<String> unknown,
		List<RevisionState> revisions, List<InterruptedRevision> interrupted) {

	public MigrationStatus {
		interrupted = List.copyOf(interrupted);
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		unknown = List.copyOf(unknown);
		revisions = List.copyOf(revisions);
	}

	/** A status without interrupted revisions. */
	public MigrationStatus(List<String> current, List<String> heads, List<String> pending, List<String> unknown,
			List<RevisionState> revisions) {
		this(current, heads, pending, unknown, revisions, List.of());
	}

	/**
	 * Whether the database is at the code's heads, holds nothing the code does not know and has no
	 * interrupted revision.
	 */
	public boolean upToDate() {
		return this.pending.isEmpty() && this.unknown.isEmpty() && this.interrupted.isEmpty();
	}

	/**
	 * A revision and whether it is applied.
	 *
	 * @param revision the revision
	 * @param applied whether the database is at or past it
	 * @param appliedAt when its last successful upgrade ran, if recorded
	 */
	public record RevisionState(RevisionInfo revision, boolean applied, @Nullable Instant appliedAt) {
	}
}
