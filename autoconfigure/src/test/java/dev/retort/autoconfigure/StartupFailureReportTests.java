package dev.retort.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Applications whose startup migration fails stop with Boot's "APPLICATION FAILED TO START" report,
 * written by {@link RetortFailureAnalyzer} (registered in {@code spring.factories}).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

	@Test
	void failingStatementIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(freshDatabase(), "retort.locations=classpath:db/failing"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Retort could not migrate the database.",
				"Error: STATEMENT_FAILED", "Revision: 0f0f0f0f0f02", "0f0f0f0f0f02_broken.sql, line 9",
				"Statement: ALTER TABLE gadgetz ADD COLUMN colour VARCHAR(20)", "Database error:", "GADGETZ",
				"Fix the failing statement of revision 0f0f0f0f0f02");
	}

	@Test
	void checksumMismatchIsReported(@TempDir Path revisions, CapturedOutput output) throws IOException {
		Path base = revisions.resolve("a1b2c3d4e5f6_create_things.sql");
		Path second = revisions.resolve("b2c3d4e5f6a7_first_thing.sql");
		copy("db/revisions/a1b2c3d4e5f6_create_things.sql", base);
		copy("db/revisions/b2c3d4e5f6a7_first_thing.sql", second);
		String database = freshDatabase();
		String location = "retort.locations=filesystem:" + revisions.toAbsolutePath();
		start(database, location).close();
		Files.writeString(second, Files.readString(second).replace("'first thing'", "'edited thing'"));
		assertThatException().isThrownBy(() -> start(database, location));
		assertThat(output).contains("APPLICATION FAILED TO START", "Error: CHECKSUM_MISMATCH", "b2c3d4e5f6a7",
				"retort repair");
	}

	@Test
	void multipleHeadsWithSingleHeadTargetIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> start(freshDatabase(), "retort.locations=classpath:db/branched", "retort.target=head"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Error: MULTIPLE_HEADS", "retort.target=heads",
				"retort merge heads");
	}

	@Test
	void databaseAheadOfCodeIsReportedInUpgradeAndValidateModes(CapturedOutput output) {
		String database = freshDatabase();
		start(database).close();
		assertThatException().isThrownBy(() -> start(database, "retort.locations=classpath:db/older"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Error: UNKNOWN_DATABASE_REVISION", "b2c3d4e5f6a7",
				"retort stamp");
		assertThatException().isThrownBy(
				() -> start(database, "retort.locations=classpath:db/older", "retort.on-startup=validate"));
		assertThat(output.toString().split("APPLICATION FAILED TO START")).hasSize(3);
	}

	@Test
	void validateModeReportsPendingRevisions(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(freshDatabase(), "retort.on-startup=validate"));
		assertThat(output).contains("APPLICATION FAILED TO START", "Error: PENDING_REVISIONS", "a1b2c3d4e5f6",
				"retort.on-startup=validate requires the database at the code's heads");
	}

	@Test
	void branchedGraphUpgradesWithDefaultHeadsTarget() {
		try (ConfigurableApplicationContext context = start(freshDatabase(),
				"retort.locations=classpath:db/branched")) {
			assertThat(context.getBean(dev.retort.Retort.class).current()).containsExactlyInAnyOrder("2222bbbb0002",
					"3333cccc0003");
		}
	}

	private static String freshDatabase() {
		return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	private static void copy(String resource, Path target) throws IOException {
		try (var in = StartupFailureReportTests.class.getClassLoader().getResourceAsStream(resource)) {
			Files.write(target, in.readAllBytes());
		}
	}

	private static ConfigurableApplicationContext start(String url, String... properties) {
		return new SpringApplicationBuilder(MigratingApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + url)
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RetortAutoConfiguration.class })
	static class MigratingApplication {

	}

}
