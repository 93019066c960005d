package dev.retort.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import dev.retort.Direction;
import dev.retort.MigrationResult;
import dev.retort.MigrationStep;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;
import dev.retort.SchemaState;

/**
 * pytest-alembic's {@code test_up_down_consistency}, one revision at a time: from an empty base, each
 * revision in upgrade order goes up, down and up again, and the schema after its down must equal the
 * schema before its up. Costs three revision runs and two schema snapshots per revision (the state after
 * the second up is the next revision's "before"). Steps share this object's state and must run in order,
 * one at a time; once a step fails, the later ones are aborted rather than run on a broken database.
 * Data checks given to it run around a revision's first up (seed before, verify after), so a project
 * with data checks pays no extra climb for them.
 */
final class Stairway {

	private final Retort retort;

	private final Set<String> irreversible;

	private final List<DataCheck> dataChecks;

	private final @Nullable DataSource dataSource;

	private final Map<String, DataCheck> dataByRevision = new LinkedHashMap<>();

	private @Nullable List<RevisionInfo> order;

	private @Nullable AssertionError startFailure;

	private @Nullable SchemaState before;

	private @Nullable String stoppedAt;

	Stairway(Retort retort, Set<String> irreversible, List<DataCheck> dataChecks, @Nullable DataSource dataSource) {
		this.retort = retort;
		this.irreversible = irreversible;
		this.dataChecks = dataChecks;
		this.dataSource = dataSource;
	}

	/** Brings the database to an empty base (once) and returns the revisions in upgrade order. */
	List<RevisionInfo> start() {
		if (this.startFailure != null) {
			throw this.startFailure;
		}
		if (this.order == null) {
			try {
				for (DataCheck check : this.dataChecks) {
					this.dataByRevision.put(this.retort.revision(check.revision()).id(), check);
				}
				this.before = Moves.toEmptyBase(this.retort, "The stairway");
				List<RevisionInfo> revisions = new ArrayList<>();
				for (MigrationStep step : this.retort.planUpgrade("heads").steps()) {
					if (step.direction() == Direction.UPGRADE && step.revision() != null) {
						revisions.add(this.retort.revision(step.revision()));
					}
				}
				this.order = List.copyOf(revisions);
			}
			catch (AssertionError ex) {
				this.startFailure = ex;
				throw ex;
			}
		}
		return this.order;
	}

	/** The upgrade order, or nothing when the start failed (its own test reports why). */
	List<RevisionInfo> orderOrNone() {
		try {
			return start();
		}
		catch (AssertionError ex) {
			return List.of();
		}
	}

	/** One step of the stairway: up, down, up for {@code revision}, the schema compared after the down. */
	void step(RevisionInfo revision) {
		start();
		if (this.stoppedAt != null) {
			throw new TestAbortedException("Not run: the stairway stopped at revision " + this.stoppedAt);
		}
		try {
			climb(revision);
		}
		catch (RuntimeException | AssertionError ex) {
			this.stoppedAt = revision.id();
			throw ex;
		}
	}

	private void climb(RevisionInfo revision) {
		SchemaState start = (this.before != null) ? this.before : this.retort.schemaState();
		DataCheck data = this.dataByRevision.get(revision.id());
		String dataCheck = "Data check of revision " + Moves.name(revision);
		if (data != null) {
			Moves.work(Moves.dataSource(this.dataSource), data.seed(), dataCheck + ": seeding before the upgrade failed");
		}
		List<String> heads = up(revision, "upgrade");
		if (data != null) {
			Moves.work(Moves.dataSource(this.dataSource), data.verify(),
					dataCheck + ": the rows are not as expected after the upgrade");
		}
		if (!this.retort.hasDowngrade(revision.id())) {
			if (!this.irreversible.contains(revision.id())) {
				throw new AssertionFailedError("Revision " + Moves.name(revision) + " has no downgrade. Add a"
						+ " '-- +downgrade' section (or override Migration.downgrade), or, if it is irreversible on"
						+ " purpose, declare it: RetortChecks...irreversible(\"" + revision.id() + "\")");
			}
			this.before = this.retort.schemaState();
			return;
		}
		String target = Moves.oneDown(this.retort, revision, heads);
		if (target == null) {
			throw new AssertionFailedError("Revision " + Moves.name(revision) + ": no downgrade target reverts"
					+ " exactly this revision from heads " + heads + " (tried -1, " + revision.id() + "@-1, its"
					+ " branch labels' @-1 and its parents)");
		}
		try {
			this.retort.downgrade(target);
		}
		catch (RetortException ex) {
			throw new AssertionFailedError("Revision " + Moves.name(revision) + ": its downgrade failed: "
					+ ex.getMessage(), ex);
		}
		SchemaState afterDown = this.retort.schemaState();
		List<String> differences = afterDown.differencesFrom(start);
		if (!differences.isEmpty()) {
			throw new AssertionFailedError("Revision " + Moves.name(revision) + ": its downgrade does not undo its"
					+ " upgrade. The schema after the downgrade differs from the schema before the upgrade ("
					+ differences.size() + " difference" + ((differences.size() == 1) ? "" : "s")
					+ ", first difference first):" + Moves.bullets(differences));
		}
		up(revision, "upgrade again after its downgrade");
		this.before = this.retort.schemaState();
	}

	/** Upgrades exactly {@code revision}; returns the heads after it. */
	private List<String> up(RevisionInfo revision, String what) {
		MigrationResult result;
		try {
			result = this.retort.upgrade(revision.id());
		}
		catch (RetortException ex) {
			throw new AssertionFailedError("Revision " + Moves.name(revision) + ": " + what + " failed: "
					+ ex.getMessage(), ex);
		}
		List<String> ran = Moves.ran(result);
		if (!ran.equals(List.of(Direction.UPGRADE + " " + revision.id()))) {
			throw new AssertionFailedError("Revision " + Moves.name(revision) + ": " + what + " ran " + ran
					+ " instead of this revision alone");
		}
		return result.headsAfter();
	}
}
