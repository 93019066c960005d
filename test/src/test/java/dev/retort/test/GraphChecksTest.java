package dev.retort.test;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.testing.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-head and downgrade checks fail on two heads and on a missing downgrade, naming the
 * revisions, and pass once merged, declared, given a downgrade or marked irreversible; the checks that
 * need an empty database refuse one holding tables no revision made.
 */
class GraphChecksTest {

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void twoHeadsFailUntilMergedOrDeclared(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "add slug", "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);",
					"ALTER TABLE notes DROP COLUMN slug;");
			fixture.revision("c3", List.of("a1"), "create tags", "CREATE TABLE tags (id BIGINT PRIMARY KEY);",
					"DROP TABLE tags;");
			KitRun twoHeads = fixture.run(kind, c -> KitRun.of(c.checks().allChecks()));
			assertThat(twoHeads.onlyFailure()).startsWith("single head: Expected a single head, found 2:")
				.contains("b2 (add slug", "c3 (create tags")
				.contains("merge");
			KitRun declared = fixture.run(kind, c -> KitRun.of(c.checks().heads("b2", "c3").allChecks()));
			assertThat(declared.failures).as(declared.toString()).isEmpty();
			assertThat(declared.passed).contains("declared heads", "upgrade base -> heads");
			KitRun wrongDeclared = fixture.run(kind, c -> KitRun.of(c.checks().heads("b2").singleHead()));
			assertThat(wrongDeclared.onlyFailure()).contains("Expected the declared heads [b2], found 2");
			fixture.revision("m4", List.of("b2", "c3"), "merge", KitFixture.NOTHING, KitFixture.NOTHING);
			KitRun merged = fixture.run(kind, c -> KitRun.of(c.checks().singleHead()));
			assertThat(merged.failures).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void missingDowngradeFailsUnlessMarkedIrreversible(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "create tags", "CREATE TABLE tags (id BIGINT PRIMARY KEY);", null);
			fixture.revision("c3", List.of("b2"), "add slug", "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);",
					"ALTER TABLE notes DROP COLUMN slug;");
			KitRun missing = fixture.run(kind, c -> KitRun.of(c.checks().allChecks()));
			assertThat(missing.failures).containsOnlyKeys("every revision has a downgrade",
					"stairway (each revision up, down, up)/start from an empty database at base");
			assertThat(missing.failures.get("every revision has a downgrade"))
				.hasMessageStartingWith("1 revision has no downgrade:")
				.hasMessageContaining("b2 (create tags, filesystem:")
				.hasMessageContaining("irreversible(\"<id>\")");
			// The upgrade check left the database at the heads, and b2 bars the way back to base.
			assertThat(missing.failures.get("stairway (each revision up, down, up)/start from an empty database at base"))
				.hasMessageContaining("The stairway needs the database at base")
				.hasMessageContaining("without a downgrade: b2");
			// On an empty database, the stairway names b2 at its own step.
			KitRun stairway = fixture.run(kind, c -> KitRun.of(c.checks().stairway()));
			assertThat(stairway.failures).containsOnlyKeys("stairway (each revision up, down, up)/b2 create tags");
			assertThat(stairway.failures.get("stairway (each revision up, down, up)/b2 create tags"))
				.hasMessageContaining("Revision b2 (create tags")
				.hasMessageContaining("has no downgrade")
				.hasMessageContaining("irreversible(\"b2\")");
			assertThat(stairway.aborted).containsExactly("stairway (each revision up, down, up)/c3 add slug");

			// Marked irreversible on purpose: the stairway climbs b2 without stepping back, and checks c3;
			// it stands for the upgrade check, which would leave a database the stairway cannot reset.
			KitRun allowed = fixture.run(kind, c -> KitRun.of(c.checks().irreversible("b2").allChecks()));
			assertThat(allowed.failures).as(allowed.toString()).isEmpty();
			assertThat(allowed.passed).contains("stairway (each revision up, down, up)/c3 add slug")
				.doesNotContain("upgrade base -> heads");
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void irreversibleNamesMustBeRevisions(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			KitRun run = fixture.run(kind, c -> KitRun.of(c.checks().irreversible("zz9").downgrades()));
			assertThat(run.onlyFailure()).contains("declared irreversible are not in the graph").contains("zz9");
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void refusesADatabaseHoldingTablesNoRevisionMade(DatabaseKind kind) throws Exception {
		try (KitFixture fixture = new KitFixture()) {
			KitRun run = fixture.run(kind, c -> {
				try (var connection = c.database().connect(); var statement = connection.createStatement()) {
					statement.execute("CREATE TABLE stray (id INT PRIMARY KEY)");
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
				return KitRun.of(c.checks().upgrade());
			});
			assertThat(run.onlyFailure()).contains("The upgrade check needs an empty database")
				.contains("it has no Retort revision applied")
				.containsIgnoringCase("stray")
				.contains("a database of their own");
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void startsFromADatabaseAtHeadsByDowngradingToBase(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "add slug", "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);",
					"ALTER TABLE notes DROP COLUMN slug;");
			KitRun run = fixture.run(kind, c -> {
				c.retort().upgrade("heads");
				KitRun result = KitRun.of(c.checks().stairway());
				// The stairway ends where it found the database: at the heads.
				assertThat(c.retort().current()).containsExactly("b2");
				return result;
			});
			assertThat(run.failures).isEmpty();
			assertThat(run.passed).hasSize(3);
		}
	}
}
