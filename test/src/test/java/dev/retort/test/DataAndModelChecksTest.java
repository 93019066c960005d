package dev.retort.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.Retort;
import dev.retort.SchemaState;
import dev.retort.engine.RevisionFiles;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data check catches a revision that loses the rows it should transform, naming the revision; the
 * model hook reports a model/revision drift. Both pass once fixed. On H2, PostgreSQL and MariaDB.
 */
class DataAndModelChecksTest {

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void dataCheckFailsWhenTheRowsVanish(DatabaseKind kind) {
		String lost = "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);\nDELETE FROM notes;";
		String kept = "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);\nUPDATE notes SET slug = title;";
		assertThat(dataCheckFailure(kind, lost)).startsWith("data checks/data at b2: Data check of revision b2"
				+ " (backfill slug").contains("the rows are not as expected after the upgrade").contains("[]").contains("\"hello\"");
		assertThat(dataCheckFailure(kind, kept)).isNull();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void allChecksRunTheDataCheckInsideTheStairway(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "backfill slug",
					"ALTER TABLE notes ADD COLUMN slug VARCHAR(40);\nDELETE FROM notes;", "ALTER TABLE notes DROP COLUMN slug;");
			KitRun run = fixture.run(kind, c -> KitRun.of(c.checks().dataCheck("b2", connection -> {
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("INSERT INTO notes (id, title) VALUES (1, 'hello')");
				}
			}, connection -> assertThat(slugs(connection)).containsExactly("hello")).allChecks()));
			assertThat(run.onlyFailure()).startsWith("stairway (each revision up, down, up)/b2 backfill slug: Data check"
					+ " of revision b2 (backfill slug").contains("the rows are not as expected after the upgrade");
			assertThat(run.passed).contains("upgrade base -> heads", "stairway (each revision up, down, up)/a1 create notes");
		}
	}

	private static String dataCheckFailure(DatabaseKind kind, String upgrade) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "backfill slug", upgrade, "ALTER TABLE notes DROP COLUMN slug;");
			KitRun run = fixture.run(kind, c -> {
				KitRun result = KitRun.of(c.checks().dataCheck("b2", connection -> {
					try (Statement statement = connection.createStatement()) {
						statement.executeUpdate("INSERT INTO notes (id, title) VALUES (1, 'hello')");
					}
				}, connection -> assertThat(slugs(connection)).containsExactly("hello")).dataChecks());
				// Back at the heads afterwards, whatever happened.
				assertThat(c.retort().current()).containsExactly("b2");
				return result;
			});
			return run.failures.isEmpty() ? null : run.onlyFailure();
		}
	}

	private static List<String> slugs(Connection connection) throws Exception {
		List<String> slugs = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT slug FROM notes ORDER BY id")) {
			while (rows.next()) {
				slugs.add(rows.getString(1));
			}
		}
		return slugs;
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void modelHookReportsDrift(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "add slug", "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);",
					"ALTER TABLE notes DROP COLUMN slug;");
			String model = "CREATE TABLE notes (id BIGINT PRIMARY KEY, title VARCHAR(20) NOT NULL, body VARCHAR(20),"
					+ " slug VARCHAR(40), archived BOOLEAN)";
			KitRun drift = fixture.run(kind, c -> KitRun.of(c.checks().modelCheck(ddlModel(kind, model)).model()));
			assertThat(drift.onlyFailure()).contains("The model and the revisions differ (1):")
				.containsIgnoringCase("column notes.archived");
			String matching = model.replace(", archived BOOLEAN", "");
			KitRun fixed = fixture.run(kind, c -> KitRun.of(c.checks().modelCheck(ddlModel(kind, matching)).model()));
			assertThat(fixed.failures).isEmpty();
		}
	}

	/**
	 * A model check a project without JPA can write with the public API alone: the model's DDL in a
	 * scratch database, compared with the revisions upgraded to heads in another.
	 */
	private static ModelCheck ddlModel(DatabaseKind kind, String ddl) {
		return retort -> {
			RevisionFiles none = RevisionFiles.temporary();
			try (TestDatabase modelDatabase = TestDatabases.create(kind)) {
				try (Connection connection = modelDatabase.connect(); Statement statement = connection.createStatement()) {
					statement.execute(ddl);
				}
				SchemaState wanted = Retort.configure()
					.dataSource(modelDatabase.dataSource())
					.locations(none.location())
					.load()
					.schemaState();
				retort.upgrade("heads");
				return wanted.differencesFrom(retort.schemaState());
			}
			finally {
				none.delete();
			}
		};
	}
}
