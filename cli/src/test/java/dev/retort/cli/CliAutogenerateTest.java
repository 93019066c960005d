package dev.retort.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort revision --autogenerate} and {@code retort check}: files, output, exit codes (H2 scratch). */
class CliAutogenerateTest {

	@TempDir
	Path folder;

	@Test
	void autogenerateThenCheckIsCleanAndDriftFails() throws Exception {
		Files.createDirectories(this.folder.resolve("revisions"));
		Files.writeString(this.folder.resolve("model.sql"),
				"CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL);\n");
		InProcessCli cli = new InProcessCli(this.folder, Map.of()).global("--url", "jdbc:h2:mem:cli_autogen",
				"--locations", "filesystem:revisions");

		InProcessCli.Run drift = cli.run("check", "--model", "model.sql");
		assertThat(drift.fails("MODEL_DRIFT")).contains("1 place(s)");
		assertThat(drift.out().lines().toList()).containsExactly("create table CUSTOMERS");

		List<String> out = cli.run("revision", "--autogenerate", "-m", "add customers", "--model", "model.sql",
				"--rev-id", "aaaabbbbcccc").ok();
		Path file = this.folder.resolve("revisions/aaaabbbbcccc_add_customers.sql");
		assertThat(out).containsExactly("  Detected create table CUSTOMERS",
				"  Generating " + file + " ...  done");
		assertThat(Files.readString(file)).contains("CREATE TABLE \"CUSTOMERS\"", "DROP TABLE \"CUSTOMERS\"");

		assertThat(cli.run("check", "--model", "model.sql").ok())
			.containsExactly("No differences: the revisions give the model.");
		assertThat(cli.run("revision", "--autogenerate", "-m", "again", "--model", "model.sql").ok())
			.containsExactly("No changes in schema detected: the revisions already give the model; nothing written.");
		assertThat(Files.list(this.folder.resolve("revisions")).count()).isEqualTo(1);

		Files.writeString(this.folder.resolve("model.sql"),
				"CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY);\n");
		InProcessCli.Run dropped = cli.run("revision", "--autogenerate", "-m", "drop name", "--model", "model.sql");
		assertThat(dropped.exitCode()).isZero();
		assertThat(dropped.err()).startsWith("REVIEW: drop column CUSTOMERS.NAME").contains("destructive");

		InProcessCli.Run broken = cli.run("check", "--model", "missing.sql");
		assertThat(broken.fails("MODEL_SCRIPT_FAILED")).contains("missing.sql");
	}

	@Test
	void aModelScriptErrorNamesFileAndLine() throws Exception {
		Files.createDirectories(this.folder.resolve("revisions"));
		Files.writeString(this.folder.resolve("model.sql"), "\n\nCREATE TABLE broken (id INTEGER,,);\n");
		InProcessCli cli = new InProcessCli(this.folder, Map.of()).global("--locations", "filesystem:revisions");

		String error = cli.run("check", "--model", "model.sql", "--scratch-url", "jdbc:h2:mem:x").fails("MODEL_SCRIPT_FAILED");
		assertThat(error).contains(this.folder.resolve("model.sql") + ":3");
		assertThat(cli.run("check", "--model", "model.sql").fails("INVALID_ARGUMENT")).contains("--scratch-url");
	}
}
