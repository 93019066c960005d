package dev.retort.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.retort.DesiredSchema;
import dev.retort.Retort;
import dev.retort.ScratchOptions;
import dev.retort.hibernate.JpaModel;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * The migration test kit on PostgreSQL (a fresh database: RETORT_TEST_POSTGRES_URL, the local server,
 * or Testcontainers), with the sample started on the {@code postgres} profile: the same checks as on
 * H2, including the index built CONCURRENTLY outside a transaction, down and up again; and the model
 * check ({@code retort:check}): the JPA entities' create script for PostgreSQL, built on scratch
 * databases of the same server, agrees with the revisions.
 */
class NotesMigrationsPostgresTests {

	private static TestDatabase database;

	private static RunningNotesApplication app;

	@BeforeAll
	static void start() {
		database = TestDatabases.create(DatabaseKind.POSTGRES);
		app = new RunningNotesApplication("spring.profiles.active=postgres", "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password());
	}

	@AfterAll
	static void stop() {
		try {
			if (app != null) {
				app.close();
			}
		}
		finally {
			if (database != null) {
				database.close();
			}
		}
	}

	@TestFactory
	Stream<DynamicNode> migrations() {
		return NotesMigrationChecks
			.of(app.context().getBean(Retort.class), app.context().getBean(DataSource.class))
			.modelCheck(NotesMigrationsPostgresTests::modelDifferences)
			.allChecks();
	}

	/**
	 * What {@code retort:check} does: the entities as the application maps them, on scratch databases of
	 * the test's PostgreSQL server.
	 */
	static List<String> modelDifferences(Retort retort) throws Exception {
		Path classes = Path.of(NotesApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		JpaModel model = JpaModel.builder()
			.classLoader(NotesMigrationsPostgresTests.class.getClassLoader())
			.classPathRoots(List.of(classes))
			.profiles("postgres")
			.build();
		return retort
			.checkModel(DesiredSchema.generated("JPA model of the sample", (scratch) -> model.createScript(scratch)
				.statements()), new ScratchOptions(database.url(), database.user(), database.password()))
			.differences();
	}

}
