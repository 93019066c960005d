package dev.retort.test;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.testing.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stairway catches a downgrade that forgets an index, a column type, a constraint or a table,
 * naming the revision and the first difference, and passes once the downgrade is fixed; it walks
 * branches and merges one revision at a time. On H2, PostgreSQL and MariaDB.
 */
class StairwayChecksTest {

	private static final String STAIRWAY = "stairway (each revision up, down, up)/";

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void branchesAndMergePassEveryCheck(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "add slug", "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);",
					"ALTER TABLE notes DROP COLUMN slug;");
			fixture.revision("c3", List.of("a1"), "create tags", "CREATE TABLE tags (id BIGINT PRIMARY KEY);",
					"DROP TABLE tags;");
			fixture.revision("m4", List.of("b2", "c3"), "merge", KitFixture.NOTHING, KitFixture.NOTHING);
			KitRun run = fixture.run(kind, c -> KitRun.of(c.checks().allChecks()));
			assertThat(run.failures).as(run.toString()).isEmpty();
			assertThat(run.aborted).isEmpty();
			assertThat(run.passed).contains("single head", "every revision has a downgrade", "upgrade base -> heads",
					STAIRWAY + "a1 create notes", STAIRWAY + "b2 add slug", STAIRWAY + "c3 create tags",
					STAIRWAY + "m4 merge");
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void downgradeForgettingAnIndex(DatabaseKind kind) {
		String created = "-- +upgrade\nCREATE INDEX ix_notes_title ON notes (title);\n\n";
		String broken = created + "-- +downgrade\n" + KitFixture.NOTHING + "\n";
		String fixed = created + "-- +downgrade dialect=postgresql, h2, sqlite\nDROP INDEX ix_notes_title;\n\n"
				+ "-- +downgrade dialect=mariadb\nDROP INDEX ix_notes_title ON notes;\n";
		assertThat(stairwayFailure(kind, broken)).contains(STAIRWAY + "b2 the change")
			.contains("Revision b2 (the change")
			.containsIgnoringCase("extra index ix_notes_title on notes (title)");
		assertThat(stairwayFailure(kind, fixed)).isNull();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void downgradeForgettingAColumnType(DatabaseKind kind) {
		String widened = "-- +upgrade dialect=postgresql, h2\nALTER TABLE notes ALTER COLUMN body SET DATA TYPE VARCHAR(80);\n\n"
				+ "-- +upgrade dialect=mariadb\nALTER TABLE notes MODIFY body VARCHAR(80);\n\n"
				+ "-- +upgrade dialect=sqlite\n" + sqliteRebuild("VARCHAR(80)");
		String broken = widened + "-- +downgrade\n" + KitFixture.NOTHING + "\n";
		String fixed = widened
				+ "-- +downgrade dialect=postgresql, h2\nALTER TABLE notes ALTER COLUMN body SET DATA TYPE VARCHAR(20);\n\n"
				+ "-- +downgrade dialect=mariadb\nALTER TABLE notes MODIFY body VARCHAR(20);\n\n"
				+ "-- +downgrade dialect=sqlite\n" + sqliteRebuild("VARCHAR(20)");
		assertThat(stairwayFailure(kind, broken)).contains("Revision b2 (the change")
			.containsIgnoringCase("changed column notes.body")
			.contains("80");
		assertThat(stairwayFailure(kind, fixed)).isNull();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void downgradeForgettingAConstraint(DatabaseKind kind) {
		String created = "-- +upgrade\nALTER TABLE notes ADD CONSTRAINT ck_notes_title CHECK (title <> '');\n\n";
		String broken = created + "-- +downgrade\n" + KitFixture.NOTHING + "\n";
		String fixed = created + "-- +downgrade\nALTER TABLE notes DROP CONSTRAINT ck_notes_title;\n";
		assertThat(stairwayFailure(kind, broken)).contains("Revision b2 (the change")
			.containsIgnoringCase("extra check constraint ck_notes_title on notes");
		assertThat(stairwayFailure(kind, fixed)).isNull();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void downgradeForgettingATable(DatabaseKind kind) {
		String created = "-- +upgrade\nCREATE TABLE tags (id BIGINT PRIMARY KEY, name VARCHAR(20));\n\n";
		String broken = created + "-- +downgrade\n" + KitFixture.NOTHING + "\n";
		String fixed = created + "-- +downgrade\nDROP TABLE tags;\n";
		assertThat(stairwayFailure(kind, broken)).contains("Revision b2 (the change")
			.containsIgnoringCase("extra table tags");
		assertThat(stairwayFailure(kind, fixed)).isNull();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void laterStepsAreAbortedOnceAStepFails(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "create tags", "CREATE TABLE tags (id BIGINT PRIMARY KEY);",
					KitFixture.NOTHING);
			fixture.revision("c3", List.of("b2"), "add slug", "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);",
					"ALTER TABLE notes DROP COLUMN slug;");
			KitRun run = fixture.run(kind, c -> KitRun.of(c.checks().stairway()));
			assertThat(run.failures).containsOnlyKeys(STAIRWAY + "b2 create tags");
			assertThat(run.aborted).containsExactly(STAIRWAY + "c3 add slug");
		}
	}

	/** The stairway's single failure over a1 and a b2 made of {@code sections}, or null when it passes. */
	private static String stairwayFailure(DatabaseKind kind, String sections) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.raw("b2", "a1", "the change", sections);
			KitRun run = fixture.run(kind, c -> KitRun.of(c.checks().stairway()));
			if (run.failures.isEmpty()) {
				assertThat(run.passed).hasSize(3);
				return null;
			}
			return run.onlyFailure();
		}
	}

	/**
	 * SQLite cannot change a column's type with ALTER TABLE: an SQL revision rebuilds the table, as
	 * batch mode does for a Java revision (new table, copy, drop, rename).
	 */
	private static String sqliteRebuild(String bodyType) {
		return "CREATE TABLE notes_new (id BIGINT PRIMARY KEY, title VARCHAR(20) NOT NULL, body " + bodyType + ");\n\n"
				+ "INSERT INTO notes_new (id, title, body) SELECT id, title, body FROM notes;\n\n"
				+ "DROP TABLE notes;\n\nALTER TABLE notes_new RENAME TO notes;\n\n";
	}
}
