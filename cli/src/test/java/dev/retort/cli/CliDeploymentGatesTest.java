package dev.retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 part 6, in-process on an H2 file database: {@code current --check-heads} as a deployment
 * gate, {@code stamp --sql}, and {@code edit} opening the revision file in {@code $EDITOR}.
 */
class CliDeploymentGatesTest {

	@TempDir
	Path project;

	private String url;

	@BeforeEach
	void graph() throws IOException {
		this.url = "jdbc:h2:file:" + this.project.resolve("db/gates").toAbsolutePath();
		cli().run("init").ok();
		CliProcess.fill(revision("create a", "aaaaaaaaaaa1"), "CREATE TABLE gate_a (id INT);", "DROP TABLE gate_a;");
		CliProcess.fill(revision("create b", "bbbbbbbbbbb2"), "CREATE TABLE gate_b (id INT);", "DROP TABLE gate_b;");
	}

	private InProcessCli cli() {
		return cli(Map.of());
	}

	private InProcessCli cli(Map<String, String> environment) {
		return new InProcessCli(this.project, environment).global("--url", this.url, "--user", "sa");
	}

	private Path revision(String message, String id) {
		List<String> out = cli().run("revision", "-m", message, "--rev-id", id).ok();
		return Path.of(out.get(0).replaceAll("^Generating (.+) \\.\\.\\.  done$", "$1"));
	}

	@Test
	void checkHeadsFailsUntilTheDatabaseIsAtTheHeads() {
		InProcessCli.Run empty = cli().run("current", "--check-heads");
		assertThat(empty.fails("PENDING_REVISIONS")).contains("current <base>, heads bbbbbbbbbbb2")
			.contains("2 pending (aaaaaaaaaaa1, bbbbbbbbbbb2)");
		cli().run("upgrade", "aaaaaaaaaaa1").ok();
		InProcessCli.Run behind = cli().run("current", "--check-heads");
		assertThat(behind.fails("PENDING_REVISIONS")).contains("current aaaaaaaaaaa1, heads bbbbbbbbbbb2");
		// the current lines are still printed: the gate's log says where the database stands
		assertThat(behind.out().lines()).containsExactly("aaaaaaaaaaa1");
		cli().run("upgrade", "heads").ok();
		assertThat(cli().run("current", "--check-heads").ok()).containsExactly("bbbbbbbbbbb2 (head)");
		// without the flag, current never fails for pending revisions
		cli().run("downgrade", "-1").ok();
		assertThat(cli().run("current").ok()).containsExactly("aaaaaaaaaaa1");
	}

	@Test
	void downgradeBaseDropSchemaRemovesTheSchemaRetortCreated() {
		InProcessCli withSchema = new InProcessCli(this.project, Map.of()).global("--url", this.url, "--user", "sa",
				"--schema", "bookkeeping");
		withSchema.run("upgrade", "heads").ok();
		assertThat(withSchema.run("history", "--verbose").ok()).isNotEmpty();
		assertThat(withSchema.run("downgrade", "-1", "--drop-schema").fails("INVALID_ARGUMENT"))
			.contains("--drop-schema goes with `downgrade base` only");
		assertThat(withSchema.run("downgrade", "base", "--drop-schema").ok()).contains("Dropped schema bookkeeping");
		// the schema is gone with Retort's tables in it, and a downgrade does not create it again
		assertThat(withSchema.run("downgrade", "base", "--drop-schema").fails("DATABASE_ERROR"))
			.contains("Schema \"BOOKKEEPING\" not found");
	}

	@Test
	void stampSqlPrintsTheVersionRowsWithoutTouchingTheDatabase() {
		List<String> fromBase = cli().run("stamp", "--sql", "heads").ok();
		String script = String.join("\n", fromBase);
		// H2 folds unquoted names to upper case, so the version table is quoted upper case there
		assertThat(script).contains("CREATE TABLE \"RETORT_VERSION\"")
			.contains("INSERT INTO \"RETORT_VERSION\"")
			.contains("'bbbbbbbbbbb2'")
			.doesNotContain("gate_a").doesNotContain("gate_b");
		String fromA = String.join("\n", cli().run("stamp", "--sql", "aaaaaaaaaaa1:bbbbbbbbbbb2").ok());
		assertThat(fromA).contains("UPDATE \"RETORT_VERSION\"").contains("'bbbbbbbbbbb2'")
			.doesNotContain("CREATE TABLE");
		// nothing was written: the database is still at base
		assertThat(cli().run("current").ok()).isEmpty();
		assertThat(cli().run("stamp", "--sql", "--purge", "heads").fails("INVALID_ARGUMENT"))
			.contains("Can't use --purge with --sql mode");
		assertThat(cli().run("stamp", "--sql", "aaaaaaaaaaa1:bbbbbbbbbbb2", "base:aaaaaaaaaaa1").fails("INVALID_RANGE"))
			.contains("one starting revision");
	}

	@Test
	void editOpensTheRevisionFileInTheEditor() throws IOException {
		Path recorded = this.project.resolve("edited.txt");
		Path editor = this.project.resolve("fake-editor.sh");
		Files.writeString(editor, "#!/bin/sh\nprintf '%s|%s\\n' \"$1\" \"$2\" >> '" + recorded + "'\n");
		Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
		InProcessCli withEditor = cli(Map.of("EDITOR", editor + " --wait"));
		assertThat(withEditor.run("edit", "aaaa").ok()).isEmpty();
		Path fileA = this.project.resolve("revisions").toAbsolutePath();
		assertThat(Files.readAllLines(recorded)).singleElement().asString()
			.startsWith("--wait|" + fileA + "/aaaaaaaaaaa1_create_a.sql");
		Files.delete(recorded);
		withEditor.run("edit", "heads").ok();
		assertThat(Files.readAllLines(recorded)).singleElement().asString().endsWith("bbbbbbbbbbb2_create_b.sql");
		Files.delete(recorded);
		cli().run("upgrade", "aaaa").ok();
		withEditor.run("edit", "current").ok();
		assertThat(Files.readAllLines(recorded)).singleElement().asString().endsWith("aaaaaaaaaaa1_create_a.sql");
		// VISUAL when EDITOR is unset; a failing editor is an error
		Path failing = this.project.resolve("failing-editor.sh");
		Files.writeString(failing, "#!/bin/sh\nexit 3\n");
		Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
		assertThat(cli(Map.of("VISUAL", failing.toString())).run("edit", "head").fails("IO_ERROR"))
			.contains("exited with status 3");
		assertThat(cli().run("edit", "head").fails("INVALID_CONFIGURATION")).contains("set the EDITOR");
		assertThat(withEditor.run("edit", "nosuch").fails("UNKNOWN_REVISION")).isNotEmpty();
	}
}
