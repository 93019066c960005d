package dev.retort.sample;

import java.util.List;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import dev.retort.Retort;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What every database run of the sample must show: the full graph applied, and a working API. */
final class NotesApplicationTestSupport {

	static final String MERGE_HEAD = "e4a1c7b9d308";

	private NotesApplicationTestSupport() {
	}

	static void assertMigratedFromEmptyAndServing(RunningNotesApplication app) throws Exception {
		Retort retort = app.context().getBean(Retort.class);
		assertThat(retort.current()).containsExactly(MERGE_HEAD);
		assertThat(retort.appliedHistory(100)).hasSize(8)
			.allSatisfy((step) -> assertThat(step.actor()).isEqualTo("retort-notes"));

		// Seeded by the base revision, slugs backfilled by the Java revision (expand/contract).
		RunningNotesApplication.Response list = app.get("/notes");
		assertThat(list.status()).isEqualTo(200);
		List<String> slugs = list.body().valueStream().map((note) -> note.get("slug").asString()).toList();
		assertThat(slugs).containsExactlyInAnyOrder("welcome-to-retort-notes-1", "expand-backfill-contract-2");

		RunningNotesApplication.Response created = app.post("/notes",
				"{\"title\":\"Ship it!\",\"body\":\"release notes\",\"tags\":[\"release\",\"ops\"]}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("slug").asString()).isEqualTo("ship-it");
		assertThat(created.body().get("notebook").asString()).isEqualTo("Inbox");
		assertThat(created.body().get("tags").valueStream().map(JsonNode::asString)).containsExactly("ops", "release");

		RunningNotesApplication.Response tagged = app.get("/notes?tag=release");
		assertThat(tagged.body().valueStream().map((note) -> note.get("slug").asString())).containsExactly("ship-it");
		assertThat(app.get("/tags").body().toString()).contains("\"tag\":\"ops\"", "\"notes\":1");

		assertThat(app.post("/notes/ship-it/archive", "").status()).isEqualTo(204);
		assertThat(app.get("/notes?tag=release").body().isEmpty()).isTrue();
		assertThat(app.get("/notes/ship-it").body().get("archivedAt").isNull()).isFalse();
		assertThat(app.get("/notes/no-such-note").status()).isEqualTo(404);

		// The contract step holds: slug is NOT NULL and unique.
		JdbcTemplate jdbc = new JdbcTemplate(app.context().getBean(DataSource.class));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notes WHERE slug IS NULL", Integer.class)).isZero();
	}

}
