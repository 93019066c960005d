package dev.retort.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the {@code postgres} profile on a fresh PostgreSQL database (RETORT_TEST_POSTGRES_URL, the local server,
 * or Testcontainers): migrates from empty, including the index built CONCURRENTLY outside a
 * transaction, then serves requests.
 */
class NotesApplicationPostgresTests {

	@Test
	void migratesEmptyDatabaseAndServesRequests() throws Exception {
		try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRES)) {
			try (RunningNotesApplication app = new RunningNotesApplication("spring.profiles.active=postgres",
					"spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password())) {
				NotesApplicationTestSupport.assertMigratedFromEmptyAndServing(app);
				JdbcTemplate jdbc = new JdbcTemplate(app.context().getBean(DataSource.class));
				String index = jdbc.queryForObject(
						"SELECT indexdef FROM pg_indexes WHERE tablename = 'notes' AND indexname = 'ux_notes_slug'",
						String.class);
				assertThat(index).startsWith("CREATE UNIQUE INDEX ux_notes_slug");
				// An index left INVALID by a failed CONCURRENTLY build would still be listed; check it is valid.
				assertThat(jdbc.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ux_notes_slug'::regclass",
						Boolean.class)).isTrue();
			}
		}
	}

}
