package dev.retort.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import dev.retort.MigrationStatus;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;

/**
 * pytest-alembic's checks for a {@link Retort}, as JUnit 5 dynamic tests or plain assertions. One
 * test class is enough:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> migrations() {
 *     return RetortChecks.forRetort(retort).allChecks();
 * }
 * }</pre>
 *
 * The checks that run revisions ({@link #upgrade()}, {@link #stairway()}, {@link #dataChecks()}) need
 * a database of their own: they downgrade it to base first, refuse it if it still holds anything
 * then, and leave it at the heads. Their nodes must run in order, one at a time (JUnit's default).
 * Failures are {@link AssertionFailedError}s naming the revision and, for the stairway, the first
 * schema difference. Instances are immutable: each {@code with}-style method returns a copy.
 */
public final class RetortChecks {

	private final Retort retort;

	private final @Nullable DataSource dataSource;

	private final List<String> declaredHeads;

	private final Set<String> irreversible;

	private final List<DataCheck> dataChecks;

	private final @Nullable ModelCheck modelCheck;

	private RetortChecks(Retort retort, @Nullable DataSource dataSource, List<String> declaredHeads,
			Set<String> irreversible, List<DataCheck> dataChecks, @Nullable ModelCheck modelCheck) {
		this.retort = retort;
		this.dataSource = dataSource;
		this.declaredHeads = List.copyOf(declaredHeads);
		this.irreversible = Set.copyOf(irreversible);
		this.dataChecks = List.copyOf(dataChecks);
		this.modelCheck = modelCheck;
	}

	/** The checks for a Retort (the Spring context's bean, or one from {@code Retort.configure()...load()}). */
	public static RetortChecks forRetort(Retort retort) {
		return new RetortChecks(retort, null, List.of(), Set.of(), List.of(), null);
	}

	/**
	 * The checks for a Retort, with the DataSource of the same database for {@linkplain #dataCheck data
	 * checks}.
	 */
	public static RetortChecks forRetort(Retort retort, DataSource dataSource) {
		return new RetortChecks(retort, dataSource, List.of(), Set.of(), List.of(), null);
	}

	/** Declares the heads the project keeps on purpose (default: exactly one head). */
	public RetortChecks heads(String... revisionIds) {
		return new RetortChecks(this.retort, this.dataSource, List.of(revisionIds), this.irreversible,
				this.dataChecks, this.modelCheck);
	}

	/** Declares revisions irreversible on purpose: they may lack a downgrade, and the stairway only climbs them. */
	public RetortChecks irreversible(String... revisionIds) {
		Set<String> ids = new LinkedHashSet<>(this.irreversible);
		ids.addAll(List.of(revisionIds));
		return new RetortChecks(this.retort, this.dataSource, this.declaredHeads, ids, this.dataChecks,
				this.modelCheck);
	}

	/**
	 * Adds a data check: {@code seed} runs just before {@code revision}'s upgrade, {@code verify} just
	 * after (pytest-alembic's {@code at_revision_data}). Needs {@link #forRetort(Retort, DataSource)}.
	 */
	public RetortChecks dataCheck(String revision, ConnectionWork seed, ConnectionWork verify) {
		List<DataCheck> checks = new ArrayList<>(this.dataChecks);
		checks.add(new DataCheck(revision, seed, verify));
		return new RetortChecks(this.retort, this.dataSource, this.declaredHeads, this.irreversible, checks,
				this.modelCheck);
	}

	/** Sets the model check (pytest-alembic's {@code test_model_definitions_match_ddl}). */
	public RetortChecks modelCheck(ModelCheck check) {
		return new RetortChecks(this.retort, this.dataSource, this.declaredHeads, this.irreversible,
				this.dataChecks, check);
	}

	// ---------------------------------------------------------------- as dynamic tests

	/**
	 * Every check: single head, downgrades present, upgrade base to heads, the stairway (one test per
	 * revision, running the data checks around their revisions), and the model check when there is one.
	 * With revisions declared {@linkplain #irreversible irreversible}, the database cannot go back to
	 * base after a full upgrade, so the stairway (which upgrades base to heads one revision at a time)
	 * stands for the upgrade check.
	 */
	public Stream<DynamicNode> allChecks() {
		List<DynamicNode> nodes = new ArrayList<>(List.of(singleHead(), downgrades()));
		if (this.irreversible.isEmpty()) {
			nodes.add(upgrade());
		}
		nodes.add(stairway(this.dataChecks));
		if (this.modelCheck != null) {
			nodes.add(model());
		}
		return nodes.stream();
	}

	/** The single-head check as a dynamic test. */
	public DynamicTest singleHead() {
		return DynamicTest.dynamicTest(this.declaredHeads.isEmpty() ? "single head" : "declared heads",
				this::checkSingleHead);
	}

	/** The downgrades-present check as a dynamic test. */
	public DynamicTest downgrades() {
		return DynamicTest.dynamicTest("every revision has a downgrade", this::checkDowngrades);
	}

	/** The upgrade check as a dynamic test. */
	public DynamicTest upgrade() {
		return DynamicTest.dynamicTest("upgrade base -> heads", this::checkUpgrade);
	}

	/**
	 * The stairway as a container: a first test that brings the database to an empty base, then one
	 * test per revision in upgrade order, named by its id and message.
	 */
	public DynamicContainer stairway() {
		return stairway(List.of());
	}

	private DynamicContainer stairway(List<DataCheck> withData) {
		Stairway stairway = new Stairway(this.retort, this.irreversible, withData, this.dataSource);
		Stream<DynamicNode> start = Stream
			.of(DynamicTest.dynamicTest("start from an empty database at base", stairway::start));
		// Lazy: the revisions are listed once the start has run (JUnit pulls the nodes as it runs them).
		Stream<DynamicNode> steps = Stream.of(stairway)
			.flatMap(s -> s.orderOrNone()
				.stream()
				.map(revision -> DynamicTest.dynamicTest(revision.id() + " " + revision.message(),
						() -> s.step(revision))));
		return DynamicContainer.dynamicContainer("stairway (each revision up, down, up)", Stream.concat(start, steps));
	}

	/**
	 * The data checks on their own, as a container: one test per check (each from an empty base up to
	 * the revision's parents, seed, upgrade, verify), then one that brings the database back to the
	 * heads. {@link #allChecks()} runs them inside the stairway instead.
	 */
	public DynamicContainer dataChecks() {
		Stream<DynamicNode> tests = this.dataChecks.stream()
			.map(check -> DynamicTest.dynamicTest("data at " + check.revision(), () -> runDataCheck(check)));
		Stream<DynamicNode> restore = Stream
			.of(DynamicTest.dynamicTest("back to heads", () -> this.retort.upgrade("heads")));
		return DynamicContainer.dynamicContainer("data checks", Stream.concat(tests, restore));
	}

	/** The model check as a dynamic test. */
	public DynamicTest model() {
		return DynamicTest.dynamicTest("model matches revisions", this::checkModel);
	}

	// ---------------------------------------------------------------- as assertions

	/** Asserts a single head, or exactly the declared heads. */
	public void checkSingleHead() {
		List<RevisionInfo> heads = this.retort.heads();
		List<String> ids = heads.stream().map(RevisionInfo::id).toList();
		List<String> named = heads.stream().map(Moves::name).toList();
		if (this.declaredHeads.isEmpty()) {
			if (heads.size() != 1) {
				throw new AssertionFailedError("Expected a single head, found " + heads.size() + ":"
						+ Moves.bullets(named) + "\nJoin them with a merge revision (retort merge -m \"merge\" "
						+ String.join(" ", ids) + "), or declare the heads kept on purpose: "
						+ "RetortChecks...heads(...)", "1 head", ids);
			}
			return;
		}
		List<String> declared = this.declaredHeads.stream().map(id -> this.retort.revision(id).id()).sorted().toList();
		List<String> actual = ids.stream().sorted().toList();
		if (!declared.equals(actual)) {
			throw new AssertionFailedError("Expected the declared heads " + declared + ", found " + heads.size()
					+ ":" + Moves.bullets(named), declared, actual);
		}
	}

	/** Asserts that every revision has a downgrade, or is declared irreversible. */
	public void checkDowngrades() {
		List<String> unknown = new ArrayList<>();
		for (String id : this.irreversible) {
			try {
				this.retort.revision(id);
			}
			catch (RetortException ex) {
				unknown.add(id + ": " + ex.getMessage());
			}
		}
		if (!unknown.isEmpty()) {
			throw new AssertionFailedError("Revisions declared irreversible are not in the graph:" + Moves.bullets(unknown));
		}
		List<RevisionInfo> history = new ArrayList<>(this.retort.history(null));
		Collections.reverse(history);
		List<String> missing = new ArrayList<>();
		for (RevisionInfo revision : history) {
			if (!this.irreversible.contains(revision.id()) && !this.retort.hasDowngrade(revision.id())) {
				missing.add(Moves.name(revision));
			}
		}
		if (!missing.isEmpty()) {
			throw new AssertionFailedError(missing.size() + " revision" + ((missing.size() == 1) ? " has" : "s have")
					+ " no downgrade:" + Moves.bullets(missing) + "\nAdd a '-- +downgrade' section (or override"
					+ " Migration.downgrade), or declare the revision irreversible on purpose: "
					+ "RetortChecks...irreversible(\"<id>\")");
		}
	}

	/** Asserts that an empty database upgrades from base to the heads. */
	public void checkUpgrade() {
		Moves.toEmptyBase(this.retort, "The upgrade check");
		try {
			this.retort.upgrade("heads");
		}
		catch (RetortException ex) {
			throw new AssertionFailedError("Upgrade base -> heads failed"
					+ ((ex.revision() != null) ? " at revision " + ex.revision() : "") + ": " + ex.getMessage(), ex);
		}
		MigrationStatus status = this.retort.status();
		if (!status.upToDate()) {
			throw new AssertionFailedError("After upgrade base -> heads the database is at " + status.current()
					+ ", not at the heads " + status.heads() + "; pending: " + status.pending());
		}
	}

	/** Runs the whole stairway, failing at the first revision whose step fails. */
	public void checkStairway() {
		Stairway stairway = new Stairway(this.retort, this.irreversible, List.of(), this.dataSource);
		for (RevisionInfo revision : stairway.start()) {
			stairway.step(revision);
		}
	}

	/** Runs every data check, then brings the database back to the heads. */
	public void checkData() {
		for (DataCheck check : this.dataChecks) {
			runDataCheck(check);
		}
		this.retort.upgrade("heads");
	}

	/** Asserts that the model check finds no difference (passes when no model check is set). */
	public void checkModel() {
		ModelCheck check = this.modelCheck;
		if (check == null) {
			return;
		}
		List<String> differences;
		try {
			differences = check.differences(this.retort);
		}
		catch (Exception ex) {
			throw new AssertionFailedError("The model check failed to run: " + ex.getMessage(), ex);
		}
		if (!differences.isEmpty()) {
			throw new AssertionFailedError("The model and the revisions differ (" + differences.size() + "):"
					+ Moves.bullets(differences) + "\nWrite a revision for them (./mvnw retort:autogenerate), or"
					+ " change the model back.");
		}
	}

	private void runDataCheck(DataCheck check) {
		DataSource source = Moves.dataSource(this.dataSource);
		RevisionInfo revision = this.retort.revision(check.revision());
		String name = "Data check of revision " + Moves.name(revision);
		Moves.toEmptyBase(this.retort, name);
		try {
			for (String parent : revision.downRevisions()) {
				this.retort.upgrade(parent);
			}
		}
		catch (RetortException ex) {
			throw new AssertionFailedError(name + ": upgrading to its parents failed: " + ex.getMessage(), ex);
		}
		Moves.work(source, check.seed(), name + ": seeding before the upgrade failed");
		try {
			this.retort.upgrade(revision.id());
		}
		catch (RetortException ex) {
			throw new AssertionFailedError(name + ": the upgrade failed on the seeded rows: " + ex.getMessage(), ex);
		}
		Moves.work(source, check.verify(), name + ": the rows are not as expected after the upgrade");
	}
}
