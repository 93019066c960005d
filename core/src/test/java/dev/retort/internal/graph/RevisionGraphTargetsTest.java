package dev.retort.internal.graph;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.MigrationPlan;
import dev.retort.MigrationStep;
import dev.retort.RetortException;
import dev.retort.VersionRowChange.Delete;
import dev.retort.VersionRowChange.Insert;
import dev.retort.VersionRowChange.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Target forms and plans on one small graph, readable as documentation:
 *
 * <pre>
 * a1 - a2 (label: core) - b1 (label: billing) - b2
 *                       \ c1 (label: search)  - c2
 *      m (merges b2, c2)
 * </pre>
 */
class RevisionGraphTargetsTest {

	private final RevisionGraph graph = RevisionGraph.build(List.of(
			node("a1", List.of(), List.of(), List.of()),
			node("a2", List.of("a1"), List.of("core"), List.of()),
			node("b1", List.of("a2"), List.of("billing"), List.of()),
			node("b2", List.of("b1"), List.of(), List.of()),
			node("c1", List.of("a2"), List.of("search"), List.of()),
			node("c2", List.of("c1"), List.of(), List.of("b1")),
			node("mm", List.of("b2", "c2"), List.of(), List.of())));

	private static RevisionNode node(String id, List<String> down, List<String> labels, List<String> deps) {
		return new RevisionNode(id, down, labels, deps, "msg " + id, id + ".sql");
	}

	private static List<String> log(MigrationPlan plan) {
		return plan.steps().stream().map((s) -> shortName(s.direction()) + " " + s.revision()).toList();
	}

	/** The plan log's names for the directions (UP, DOWN, STAMP). */
	private static String shortName(Direction direction) {
		return switch (direction) {
			case UPGRADE -> "UP";
			case DOWNGRADE -> "DOWN";
			case STAMP, REPAIR, RESOLVE, CREATE_SCHEMA -> direction.name();
		};
	}

	@Test
	void resolvesEveryIdentifierForm() {
		assertThat(this.graph.resolve("head")).containsExactly("mm");
		assertThat(this.graph.resolve("heads")).containsExactly("mm");
		assertThat(this.graph.resolve("base")).isEmpty();
		assertThat(this.graph.resolveOne("b1")).isEqualTo("b1");
		// Alembic matches prefixes against every key of its map, labels included: "c" is "core".
		assertThat(this.graph.resolveOne("c")).isEqualTo("a2");
	}

	@Test
	void labelsAndRelativeSteps() {
		assertThat(this.graph.resolveOne("billing")).isEqualTo("b1");
		assertThat(this.graph.resolve("billing@head")).containsExactly("mm");
		// a2 is a branch point: its label flows up to both branches, not down past it.
		assertThat(this.graph.effectiveBranchLabels("b2")).containsExactly("billing", "core");
		assertThat(this.graph.effectiveBranchLabels("a1")).isEmpty();
		assertThat(this.graph.effectiveBranchLabels("mm")).containsExactly("billing", "core", "search");
		assertThat(log(this.graph.planUpgrade(List.of(), "+2"))).containsExactly("UP a1", "UP a2");
		assertThat(log(this.graph.planUpgrade(List.of("a2"), "billing@+1"))).containsExactly("UP b1");
		assertThat(log(this.graph.planUpgrade(List.of(), "b1+1"))).containsExactly("UP a1", "UP a2", "UP b1", "UP b2");
		assertThat(log(this.graph.planDowngrade(List.of("b2"), "-1"))).containsExactly("DOWN b2");
		assertThat(log(this.graph.planDowngrade(List.of("b2"), "b2-2"))).containsExactly("DOWN b2", "DOWN b1");
	}

	@Test
	void dependencyTargetIsAppliedFirstAndAbsorbsItsRow() {
		MigrationPlan plan = this.graph.planUpgrade(List.of("a2"), "search@head");
		// Whole branches in turn, the dependency target b1 before its dependent c2.
		assertThat(log(plan)).containsExactly("UP b1", "UP c1", "UP c2", "UP b2", "UP mm");
		assertThat(plan.headsAfter()).containsExactly("mm");
	}

	@Test
	void versionRowChangesFollowAlembicsHeadMaintainer() {
		MigrationPlan branches = this.graph.planUpgrade(List.of("a2"), "c1");
		assertThat(branches.steps().get(0).rowChanges()).containsExactly(new Update("a2", "c1"));
		MigrationPlan second = this.graph.planUpgrade(List.of("c1"), "b1");
		assertThat(second.steps().get(0).rowChanges()).containsExactly(new Insert("b1"));
		MigrationPlan merge = this.graph.planUpgrade(List.of("b2", "c2"), "mm");
		assertThat(merge.steps().get(0).rowChanges()).containsExactly(new Delete("b2"), new Update("c2", "mm"));
		MigrationPlan unmerge = this.graph.planDowngrade(List.of("mm"), "b2");
		assertThat(unmerge.steps().get(0).rowChanges()).containsExactly(new Insert("b2"), new Update("mm", "c2"));
		assertThat(unmerge.headsAfter()).containsExactly("b2", "c2");
		assertThatThrownBy(() -> this.graph.planDowngrade(List.of("mm"), "-1"))
			.isInstanceOfSatisfying(RetortException.class, (e) -> assertThat(e.code()).isEqualTo(CoreErrorCode.AMBIGUOUS_WALK));
		MigrationPlan toBase = this.graph.planDowngrade(List.of("a1"), "base");
		assertThat(toBase.steps().get(0).rowChanges()).containsExactly(new Delete("a1"));
	}

	@Test
	void historyNewestFirst() {
		// b1 waits for c2, which depends on it: Alembic's walk switches branches there.
		assertThat(this.graph.history(null)).containsExactly("mm", "b2", "c2", "c1", "b1", "a2", "a1");
		assertThat(this.graph.history("b1:b2")).containsExactly("b2", "b1");
	}

	@Test
	void stampMovesRowsWithoutRunningAnything() {
		MigrationPlan stamp = this.graph.planStamp(List.of("a2"), List.of("b2", "c1"), false);
		assertThat(stamp.headsAfter()).containsExactly("b2", "c1");
		assertThat(stamp.steps()).allMatch((s) -> s.direction() == Direction.STAMP);
		assertThat(this.graph.planStamp(List.of("b2", "c1"), List.of("base"), false).headsAfter()).isEmpty();
		assertThat(this.graph.planStamp(List.of("zz_unknown"), List.of("a1"), true).headsAfter()).containsExactly("a1");
	}

	@Test
	void currentListsWhatRowsImply() {
		assertThat(this.graph.current(List.of("c2"))).containsExactly("b1", "c2");
		assertThat(this.graph.applied(List.of("c2"))).containsExactlyInAnyOrder("a1", "a2", "b1", "c1", "c2");
	}
}
