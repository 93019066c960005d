package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.CoreErrorCode;
import dev.retort.MigrationStep;
import dev.retort.RetortException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a graph can be invalid fails at load with its own code, naming the revision and its file. */
class RevisionGraphErrorsTest {

	private static RevisionNode rev(String id, List<String> down, List<String> labels, List<String> deps) {
		return new RevisionNode(id, down, labels, deps, "msg " + id, "db/revisions/" + id + "_x.sql");
	}

	private static RevisionNode rev(String id, String... down) {
		return rev(id, List.of(down), List.of(), List.of());
	}

	private static RetortException loadError(RevisionNode... nodes) {
		try {
			RevisionGraph.build(List.of(nodes));
		}
		catch (RetortException ex) {
			return ex;
		}
		throw new AssertionError("graph loaded");
	}

	@Test
	void duplicateIdNamesBothFiles() {
		RetortException ex = loadError(rev("aaaa"), rev("bbbb", "aaaa"),
				new RevisionNode("bbbb", List.of("aaaa"), List.of(), List.of(), "again", "db/revisions/other.sql"));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.DUPLICATE_REVISION);
		assertThat(ex.getMessage()).contains("bbbb", "db/revisions/bbbb_x.sql", "db/revisions/other.sql");
		assertThat(ex.revision()).isEqualTo("bbbb");
	}

	@Test
	void missingDownRevision() {
		RetortException ex = loadError(rev("aaaa"), rev("bbbb", "cccc"));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.MISSING_DOWN_REVISION);
		assertThat(ex.getMessage()).contains("cccc", "bbbb", "db/revisions/bbbb_x.sql");
		assertThat(ex.source()).isEqualTo("db/revisions/bbbb_x.sql");
	}

	@Test
	void labelUsedAsDownRevisionIsMissingDownRevision() {
		RetortException ex = loadError(rev("aaaa", List.of(), List.of("core"), List.of()), rev("bbbb", "core"));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.MISSING_DOWN_REVISION);
		assertThat(ex.getMessage()).contains("branch label", "bbbb");
	}

	@Test
	void missingDependency() {
		RetortException ex = loadError(rev("aaaa"), rev("bbbb", List.of("aaaa"), List.of(), List.of("zzzz")));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.MISSING_DEPENDENCY);
		assertThat(ex.getMessage()).contains("zzzz", "bbbb", "db/revisions/bbbb_x.sql");
	}

	@Test
	void partialIdInDependsOnIsMissingDependency() {
		RetortException ex = loadError(rev("aaaa1111"), rev("bbbb", List.of(), List.of(), List.of("aaaa")));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.MISSING_DEPENDENCY);
	}

	@Test
	void cycleThroughDownRevisions() {
		RetortException ex = loadError(rev("base"), rev("aaaa", "cccc"), rev("bbbb", "aaaa"), rev("cccc", "bbbb"),
				rev("dddd", "base"));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.CYCLE);
		assertThat(ex.getMessage()).contains("aaaa", "bbbb", "cccc", "db/revisions/aaaa_x.sql").doesNotContain("dddd");
	}

	@Test
	void cycleWithoutAnyBase() {
		RetortException ex = loadError(rev("aaaa", "bbbb"), rev("bbbb", "aaaa"));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.CYCLE);
		assertThat(ex.getMessage()).contains("aaaa", "bbbb");
	}

	@Test
	void cycleThroughDependencies() {
		RetortException ex = loadError(rev("aaaa", List.of(), List.of(), List.of()),
				rev("bbbb", List.of("aaaa"), List.of(), List.of("cccc")),
				rev("cccc", List.of("aaaa"), List.of(), List.of("bbbb")));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.DEPENDENCY_CYCLE);
		assertThat(ex.getMessage()).contains("bbbb", "cccc");
	}

	@Test
	void selfLoops() {
		assertThat(loadError(rev("aaaa", "aaaa")).code()).isEqualTo(CoreErrorCode.SELF_LOOP);
		RetortException dep = loadError(rev("aaaa", List.of(), List.of(), List.of("aaaa")));
		assertThat(dep.code()).isEqualTo(CoreErrorCode.DEPENDENCY_SELF_LOOP);
		assertThat(dep.getMessage()).contains("aaaa", "db/revisions/aaaa_x.sql");
	}

	@Test
	void oneLabelOnTwoBranches() {
		RetortException ex = loadError(rev("aaaa"), rev("bbbb", List.of("aaaa"), List.of("feature"), List.of()),
				rev("cccc", List.of("aaaa"), List.of("feature"), List.of()));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.DUPLICATE_BRANCH_LABEL);
		assertThat(ex.getMessage()).contains("feature", "cccc", "bbbb", "db/revisions/cccc_x.sql");
	}

	@Test
	void labelEqualToARevisionId() {
		RetortException ex = loadError(rev("aaaa"), rev("bbbb", List.of("aaaa"), List.of("aaaa"), List.of()));
		assertThat(ex.code()).isEqualTo(CoreErrorCode.DUPLICATE_BRANCH_LABEL);
		assertThat(ex.getMessage()).contains("revision id");
	}

	@Test
	void malformedIds() {
		for (String id : List.of("ab-cd", "ab+cd", "ab@cd", "ab cd", "ab:cd", "ab,cd", "", "x".repeat(33))) {
			RetortException ex = loadError(rev(id));
			assertThat(ex.code()).as(id).isEqualTo(CoreErrorCode.ILLEGAL_REVISION_ID);
			assertThat(ex.getMessage()).as(id).contains("db/revisions/");
		}
	}

	@Test
	void emptyGraphIsValid() {
		RevisionGraph graph = RevisionGraph.build(List.of());
		assertThat(graph.heads()).isEmpty();
		assertThat(graph.planUpgrade(List.of(), "heads").steps()).isEmpty();
		assertThat(graph.history(null)).isEmpty();
	}

	@Test
	void errorsOfTargetResolution() {
		RevisionGraph graph = RevisionGraph.build(List.of(rev("abcd1111"), rev("abcd2222", "abcd1111"),
				rev("abcd3333", "abcd1111"), rev("ffff0000", List.of("abcd2222"), List.of("tip"), List.of())));
		assertThatThrownBy(() -> graph.planUpgrade(List.of(), "head"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> {
				assertThat(e.code()).isEqualTo(CoreErrorCode.MULTIPLE_HEADS);
				assertThat(e.getMessage()).contains("abcd3333", "ffff0000", "heads");
			});
		assertThatThrownBy(() -> graph.resolveOne("abcd"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> {
				assertThat(e.code()).isEqualTo(CoreErrorCode.AMBIGUOUS_PREFIX);
				assertThat(e.getMessage()).contains("abcd1111", "abcd2222", "abcd3333");
			});
		assertThatThrownBy(() -> graph.resolveOne("nope"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> {
				assertThat(e.code()).isEqualTo(CoreErrorCode.UNKNOWN_REVISION);
				assertThat(e.getMessage()).contains("'nope'");
			});
		assertThatThrownBy(() -> graph.planUpgrade(List.of("ffff0000"), "+1"))
			.isInstanceOfSatisfying(RetortException.class,
					(e) -> assertThat(e.code()).isEqualTo(CoreErrorCode.RELATIVE_OUT_OF_RANGE));
		assertThatThrownBy(() -> graph.planDowngrade(List.of("abcd1111"), "-2"))
			.isInstanceOfSatisfying(RetortException.class,
					(e) -> assertThat(e.code()).isEqualTo(CoreErrorCode.RELATIVE_OUT_OF_RANGE));
		assertThatThrownBy(() -> graph.history("abcd3333:ffff0000"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> {
				assertThat(e.code()).isEqualTo(CoreErrorCode.RANGE_NOT_ANCESTOR);
				assertThat(e.getMessage()).contains("abcd3333:ffff0000");
			});
		assertThat(graph.planUpgrade(List.of(), "+1").steps()).extracting(MigrationStep::revision)
			.containsExactly("abcd1111");
		assertThatThrownBy(() -> graph.planUpgrade(List.of("abcd1111"), "+1"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> assertThat(e.code()).isEqualTo(CoreErrorCode.AMBIGUOUS_WALK));
		assertThatThrownBy(() -> graph.planDowngrade(List.of("abcd3333", "ffff0000"), "-1"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> {
				assertThat(e.code()).isEqualTo(CoreErrorCode.AMBIGUOUS_RELATIVE_DOWNGRADE);
				assertThat(e.getMessage()).contains("abcd3333", "ffff0000", "@-1");
			});
		assertThatThrownBy(() -> graph.planUpgrade(List.of(), "abcd1111:ffff0000"))
			.isInstanceOfSatisfying(RetortException.class,
					(e) -> assertThat(e.code()).isEqualTo(CoreErrorCode.RANGE_NOT_ALLOWED));
		assertThatThrownBy(() -> graph.history("abcd1111"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> assertThat(e.code()).isEqualTo(CoreErrorCode.INVALID_RANGE));
		assertThatThrownBy(() -> graph.resolve("nobranch@head"))
			.isInstanceOfSatisfying(RetortException.class,
					(e) -> assertThat(e.code()).isIn(CoreErrorCode.UNKNOWN_REVISION, CoreErrorCode.UNKNOWN_BRANCH));
		assertThatThrownBy(() -> graph.resolve("tip@abcd3333"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> assertThat(e.code()).isEqualTo(CoreErrorCode.NOT_IN_BRANCH));
	}

	@Test
	void largeGraphLoadsWithoutRecursionLimits() {
		List<RevisionNode> nodes = new ArrayList<>();
		nodes.add(rev("r0"));
		for (int i = 1; i < 20_000; i++) {
			nodes.add(rev("r" + i, "r" + (i - 1)));
		}
		RevisionGraph graph = RevisionGraph.build(nodes);
		assertThat(graph.planUpgrade(List.of(), "heads").steps()).hasSize(20_000);
		assertThat(graph.planDowngrade(List.of("r19999"), "base").steps()).hasSize(20_000);
	}
}
