package dev.retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's own graph (its SQL files and its compiled Java revision {@code BackfillNoteSlugs},
 * {@code 7a4b1d6e3c03}) listed, upgraded and downgraded by the built jar as a process, on an H2 file
 * database (class path, packages and a {@code classpath:} location from the properties file) and on
 * PostgreSQL (options, with the SQL files as a folder); and a Java revision needing a Spring bean
 * failing clearly.
 */
class JarSampleAppIT {

	private static final String JAVA_REVISION = "7a4b1d6e3c03";

	private static final String BACKFILL_LINE = "5d2f8c4a9e02 -> 7a4b1d6e3c03, backfill notes.slug from titles";

	@TempDir
	Path project;

	/** The sample app's folder (set by the failsafe plugin); the reactor builds it before this module. */
	private static Path sampleApp() {
		String property = System.getProperty("retort.sample.dir");
		assertThat(property).as("system property retort.sample.dir (set by maven-failsafe-plugin)").isNotNull();
		Path folder = Path.of(property).toAbsolutePath().normalize();
		assertThat(folder.resolve("target/classes/dev/retort/sample/revisions/BackfillNoteSlugs.class"))
			.as("the sample app's compiled Java revision (the reactor builds sample-app before cli)")
			.isRegularFile();
		return folder;
	}

	@Test
	void sampleGraphOnH2FromThePropertiesFile() throws Exception {
		String url = "jdbc:h2:file:" + this.project.resolve("db/notes").toAbsolutePath();
		Files.writeString(this.project.resolve("retort.properties"), "url=" + url + "\nuser=sa\n"
				+ "classpath=" + sampleApp().resolve("target/classes") + "\n"
				+ "scan-packages=dev.retort.sample.revisions\n"
				+ "locations=classpath:db/revisions\n");
		scenario(new CliProcess(this.project), () -> DriverManager.getConnection(url, "sa", ""));
	}

	@Test
	void sampleGraphOnPostgresFromOptions() throws Exception {
		try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRES)) {
			CliProcess retort = new CliProcess(this.project).env("RETORT_URL", database.url())
				.env("RETORT_USER", database.user())
				.global("--classpath", sampleApp().resolve("target/classes").toString(), "--scan-packages",
						"dev.retort.sample.revisions", "--locations",
						sampleApp().resolve("src/main/resources/db/revisions").toString());
			if (database.password() != null && !database.password().isEmpty()) {
				retort.env("RETORT_PASSWORD", database.password());
			}
			scenario(retort, database::connect);
		}
	}

	private void scenario(CliProcess retort, Connector database) throws SQLException {
		List<String> history = retort.run("history").ok();
		assertThat(history).hasSize(8).contains(BACKFILL_LINE);
		assertThat(history.get(history.size() - 1)).isEqualTo("<base> -> 3c1e9a2b7f01, create notebooks and notes");
		// the merge head carries the branch labels of both branches it joins
		assertThat(retort.run("heads").ok()).singleElement().asString().matches("e4a1c7b9d308 \\(.+\\) \\(head\\)");
		assertThat(String.join("\n", retort.run("show", JAVA_REVISION).ok()))
			.contains("Path: dev.retort.sample.revisions.BackfillNoteSlugs");

		// the welcome notes exist before the Java revision fills their slugs
		retort.run("upgrade", "5d2f8c4a9e02").ok();
		assertThat(slugs(database)).containsExactly("null", "null");
		assertThat(retort.run("current", "--check-heads").fails("PENDING_REVISIONS")).contains(JAVA_REVISION);

		List<String> upgrade = retort.run("upgrade", "heads").ok();
		assertThat(upgrade).contains("Running upgrade " + BACKFILL_LINE);
		assertThat(slugs(database)).containsExactly("welcome-to-retort-notes-1", "expand-backfill-contract-2");
		assertThat(retort.run("current", "--check-heads").ok()).singleElement().asString()
			.matches("e4a1c7b9d308 .*\\(head\\).*");

		List<String> downgrade = retort.run("downgrade", "base").ok();
		assertThat(downgrade).contains("Running downgrade 7a4b1d6e3c03 -> 5d2f8c4a9e02, backfill notes.slug from titles");
		assertThat(retort.run("current").ok()).isEmpty();
		try (Connection connection = database.connect(); ResultSet tables = connection.getMetaData()
			.getTables(null, null, "%", new String[] { "TABLE" })) {
			List<String> names = new ArrayList<>();
			while (tables.next()) {
				names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
			}
			assertThat(names).doesNotContain("notes", "notebooks", "tags");
		}
	}

	@Test
	void javaRevisionNeedingASpringBeanFailsNamingIt() throws IOException {
		Path classes = JavaRevisionCompiler.compileSource(this.project.resolve("src"), this.project.resolve("classes"),
				"com.acme.beans", "NeedsDataSource",
				JavaRevisionCompiler.needsDataSource("com.acme.beans", "beanrev00001", "e4a1c7b9d308"));
		CliProcess.Result result = new CliProcess(this.project)
			.global("--classpath", sampleApp().resolve("target/classes") + java.io.File.pathSeparator + classes,
					"--scan-packages", "dev.retort.sample.revisions,com.acme.beans", "--locations",
					sampleApp().resolve("src/main/resources/db/revisions").toString())
			.run("heads");
		assertThat(result.fails("REVISION_NOT_INSTANTIABLE"))
			.contains("Java revision beanrev00001 (class com.acme.beans.NeedsDataSource)")
			.contains("no public no-argument constructor");
	}

	private static List<String> slugs(Connector database) throws SQLException {
		List<String> slugs = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT slug FROM notes ORDER BY id")) {
			while (rows.next()) {
				slugs.add(String.valueOf(rows.getString(1)));
			}
		}
		return slugs;
	}

	/** Opens a connection to the scenario's database. */
	@FunctionalInterface
	private interface Connector {

		Connection connect() throws SQLException;
	}
}
