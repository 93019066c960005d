package dev.retort.test;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.DesiredSchema;
import dev.retort.ScratchOptions;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ready-made model check ({@link ModelCheck#of(DesiredSchema, ScratchOptions)}): Retort's own
 * {@code check} on throwaway databases of the test database's server reports the column the
 * revisions lack, and passes once the model matches.
 */
class ReadyModelCheckTest {

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRES", "MARIADB" })
	void readyMadeCheckReportsDriftThenPasses(DatabaseKind kind) {
		try (KitFixture fixture = new KitFixture()) {
			fixture.revision("b2", List.of("a1"), "add slug", "ALTER TABLE notes ADD COLUMN slug VARCHAR(40);",
					"ALTER TABLE notes DROP COLUMN slug;");
			String model = "CREATE TABLE notes (id BIGINT PRIMARY KEY, title VARCHAR(20) NOT NULL, body VARCHAR(20),"
					+ " slug VARCHAR(40), archived BOOLEAN)";
			KitRun drift = fixture.run(kind, c -> KitRun.of(c.checks()
				.modelCheck(ModelCheck.of(DesiredSchema.ofStatements(List.of(model)), scratch(c.database())))
				.model()));
			assertThat(drift.onlyFailure()).contains("The model and the revisions differ (1):")
				.containsIgnoringCase("archived");
			String matching = model.replace(", archived BOOLEAN", "");
			KitRun fixed = fixture.run(kind, c -> KitRun.of(c.checks()
				.modelCheck(ModelCheck.of(DesiredSchema.ofStatements(List.of(matching)), scratch(c.database())))
				.model()));
			assertThat(fixed.failures).isEmpty();
			assertThat(fixed.passed).hasSize(1);
		}
	}

	/** The test database's own server, where the check creates and drops its throwaway databases. */
	private static ScratchOptions scratch(TestDatabase database) {
		return new ScratchOptions(database.url(), database.user(), database.password());
	}
}
