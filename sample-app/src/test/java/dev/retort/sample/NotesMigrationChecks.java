package dev.retort.sample;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.retort.DesiredSchema;
import dev.retort.Retort;
import dev.retort.ScratchOptions;
import dev.retort.hibernate.JpaModel;
import dev.retort.test.ModelCheck;
import dev.retort.test.RetortChecks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's migration checks, shared by the H2 and PostgreSQL runs: every check of the kit, plus a
 * data check for the backfill revision ({@code BackfillNoteSlugs}, 7a4b1d6e3c03), and the model check:
 * the JPA entities (mapped as Boot maps them, by {@code retort-hibernate}) against the revisions, on
 * throwaway databases of the scratch server.
 */
final class NotesMigrationChecks {

	/** The backfill revision: fills notes.slug from titles. */
	static final String BACKFILL = "7a4b1d6e3c03";

	private NotesMigrationChecks() {
	}

	/** The entities, as {@code ./mvnw retort:check} reads them; the create script is written per scratch engine. */
	static final DesiredSchema ENTITIES = DesiredSchema.generated("the sample's JPA entities",
			(scratch) -> JpaModel.builder()
				.classLoader(NotesMigrationChecks.class.getClassLoader())
				.applicationClass(NotesApplication.class.getName())
				.build()
				.createScript(scratch)
				.statements());

	static RetortChecks of(Retort retort, DataSource dataSource, ScratchOptions scratch) {
		return RetortChecks.forRetort(retort, dataSource).modelCheck(ModelCheck.of(ENTITIES, scratch)).dataCheck(BACKFILL, connection -> {
			// At 5d2f8c4a9e02: notes.slug exists and is nullable; the first revision's two notes have none.
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO notes (notebook_id, title, body)"
						+ " SELECT id, 'Ça va? Déjà vu!', '' FROM notebooks WHERE name = 'Inbox'");
			}
		}, connection -> {
			Map<String, String> slugs = new LinkedHashMap<>();
			try (PreparedStatement select = connection.prepareStatement("SELECT id, title, slug FROM notes ORDER BY id");
					ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					slugs.put(rows.getString("title"), rows.getString("slug"));
				}
			}
			assertThat(slugs).hasSize(3).doesNotContainValue(null);
			assertThat(slugs.get("Welcome to Retort notes")).matches("welcome-to-retort-notes-\\d+");
			// Accents folded, punctuation dropped, the id appended so that equal titles stay unique.
			assertThat(slugs.get("Ça va? Déjà vu!")).matches("ca-va-deja-vu-\\d+");
		});
	}
}
