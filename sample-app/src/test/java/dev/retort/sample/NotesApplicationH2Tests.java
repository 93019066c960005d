package dev.retort.sample;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The sample on its default embedded H2 database: migrates from empty at startup, then serves requests. */
class NotesApplicationH2Tests {

	@Test
	void migratesEmptyDatabaseAndServesRequests() throws Exception {
		try (RunningNotesApplication app = new RunningNotesApplication()) {
			NotesApplicationTestSupport.assertMigratedFromEmptyAndServing(app);
			JdbcTemplate jdbc = new JdbcTemplate(app.context().getBean(DataSource.class));
			// H2 gets the plain index from its own dialect section; it is unique all the same.
			assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> jdbc
				.update("UPDATE notes SET slug = 'ship-it' WHERE slug = 'welcome-to-retort-notes-1'"));
		}
	}

	@Test
	void restartOnMigratedDatabaseIsUpToDate() throws Exception {
		String url = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		try (RunningNotesApplication first = new RunningNotesApplication(url)) {
			assertThat(first.get("/notebooks").body().toString()).isEqualTo("[\"Inbox\"]");
		}
		try (RunningNotesApplication second = new RunningNotesApplication(url, "retort.on-startup=validate")) {
			assertThat(second.context().getBean(dev.retort.Retort.class).status().upToDate()).isTrue();
			assertThat(second.get("/notes").status()).isEqualTo(200);
		}
	}

}
