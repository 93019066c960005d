package dev.retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graphs that mix SQL files and Java revisions, in-process: Java revisions come from
 * {@code --classpath}/{@code --scan-packages} (classes compiled by the test, not on its class path),
 * {@code revision} revises the head of the whole graph, and a revision that needs constructor
 * arguments fails naming itself.
 */
class CliJavaRevisionsTest {

	@TempDir
	Path project;

	private InProcessCli cli() {
		return new InProcessCli(this.project, Map.of());
	}

	private static Path generated(List<String> output) {
		assertThat(output).hasSize(1);
		return Path.of(output.get(0).replaceAll("^Generating (.+) \\.\\.\\.  done$", "$1"));
	}

	@Test
	void revisionAfterRevisionJavaRevisesTheJavaHead() throws IOException {
		cli().run("init").ok();
		cli().run("revision", "-m", "first", "--rev-id", "aaaaaaaaaaa1").ok();
		InProcessCli.Run java = cli().run("revision", "--java", "-m", "java step", "--rev-id", "bbbbbbbbbbb2",
				"--version-path", "src/main/java/com/acme/revisions");
		Path javaFile = generated(java.ok());
		assertThat(Files.readString(javaFile)).contains("revises = \"aaaaaaaaaaa1\"");
		// the class is not compiled yet: the CLI says what it needs to see it
		assertThat(java.err()).contains("Note: the CLI sees Java revision bbbbbbbbbbb2 only as a compiled class")
			.contains("--scan-packages");

		Path classes = this.project.resolve("target/classes");
		JavaRevisionCompiler.compile(classes, javaFile);
		InProcessCli withJava = cli().global("--classpath", "target/classes", "--scan-packages", "com.acme.revisions");
		assertThat(withJava.run("heads").ok()).containsExactly("bbbbbbbbbbb2 (head)");
		Path after = generated(withJava.run("revision", "-m", "after java", "--rev-id", "ccccccccccc3").ok());
		assertThat(Files.readString(after)).contains("-- Revises: bbbbbbbbbbb2\n");
		assertThat(withJava.run("heads").ok()).containsExactly("ccccccccccc3 (head)");
		assertThat(withJava.run("history").ok()).containsExactly("bbbbbbbbbbb2 -> ccccccccccc3 (head), after java",
				"aaaaaaaaaaa1 -> bbbbbbbbbbb2, java step", "<base> -> aaaaaaaaaaa1, first");
	}

	@Test
	void classpathAndPackagesComeFromThePropertiesFileToo() throws IOException {
		cli().run("init").ok();
		cli().run("revision", "-m", "first", "--rev-id", "aaaaaaaaaaa1").ok();
		Path javaFile = generated(cli().run("revision", "--java", "-m", "java step", "--rev-id", "bbbbbbbbbbb2",
				"--version-path", "src/main/java/com/acme/revisions").ok());
		JavaRevisionCompiler.compile(this.project.resolve("build/classes"), javaFile);
		Files.writeString(this.project.resolve("retort.properties"),
				"classpath=build/classes\nscan-packages=com.acme.revisions\n", java.nio.file.StandardOpenOption.APPEND);
		assertThat(cli().run("heads").ok()).containsExactly("bbbbbbbbbbb2 (head)");
	}

	@Test
	void javaRevisionNeedingConstructorArgumentsFailsNamingRevisionAndClass() throws IOException {
		cli().run("init").ok();
		cli().run("revision", "-m", "first", "--rev-id", "aaaaaaaaaaa1").ok();
		JavaRevisionCompiler.compileSource(this.project.resolve("src"), this.project.resolve("classes"),
				"com.acme.beans", "NeedsDataSource",
				JavaRevisionCompiler.needsDataSource("com.acme.beans", "beanrev00001", "aaaaaaaaaaa1"));
		String error = cli().global("--classpath", "classes", "--scan-packages", "com.acme.beans")
			.run("history")
			.fails("REVISION_NOT_INSTANTIABLE");
		assertThat(error).contains("Java revision beanrev00001 (class com.acme.beans.NeedsDataSource)")
			.contains("no public no-argument constructor")
			.contains("Spring beans");
	}

	@Test
	void aMissingClassPathEntryIsAClearError() {
		cli().run("init").ok();
		String error = cli().global("--classpath", "no/such/classes").run("heads").fails("INVALID_CONFIGURATION");
		assertThat(error).contains("Class path entry " + this.project.resolve("no/such/classes"))
			.contains("from --classpath");
	}

	@Test
	void aFolderStarTakesEveryJarInIt() throws IOException {
		cli().run("init").ok();
		cli().run("revision", "-m", "first", "--rev-id", "aaaaaaaaaaa1").ok();
		Path javaFile = generated(cli().run("revision", "--java", "-m", "java step", "--rev-id", "bbbbbbbbbbb2",
				"--version-path", "src/main/java/com/acme/revisions").ok());
		Path classes = this.project.resolve("classes");
		JavaRevisionCompiler.compile(classes, javaFile);
		Path lib = Files.createDirectories(this.project.resolve("lib"));
		JavaRevisionCompiler.jar(classes, lib.resolve("revisions.jar"));
		assertThat(cli().global("--classpath", "lib/*", "--scan-packages", "com.acme").run("heads").ok())
			.containsExactly("bbbbbbbbbbb2 (head)");
	}
}
