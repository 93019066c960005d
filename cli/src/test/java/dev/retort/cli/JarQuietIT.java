package dev.retort.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -q}/{@code --quiet} on the built jar: no log line below WARN reaches stderr, even when the
 * logging configuration (here a system property, as {@code JAVA_TOOL_OPTIONS} would set it) asks for
 * INFO; warnings still do.
 */
class JarQuietIT {

	private static final String INFO = "-Dorg.slf4j.simpleLogger.defaultLogLevel=info";

	@TempDir
	Path project;

	@Test
	void quietKeepsInfoLinesOffStderrButNotWarnings() {
		new CliProcess(this.project).run("init").ok();
		// a classpath location that does not exist: the engine warns, and loads (and logs) at INFO
		CliProcess.Result loud = new CliProcess(this.project).jvm(INFO)
			.global("--locations", "revisions,classpath:no/such/folder")
			.run("heads");
		loud.ok();
		assertThat(loud.err()).as(loud.describe()).contains("[INFO]").contains("[WARN]");

		CliProcess.Result quiet = new CliProcess(this.project).jvm(INFO, "-Dorg.slf4j.simpleLogger.log.dev.retort=debug")
			.global("-q", "--locations", "revisions,classpath:no/such/folder")
			.run("heads");
		quiet.ok();
		assertThat(quiet.err()).as(quiet.describe()).doesNotContain("[INFO]").doesNotContain("[DEBUG]")
			.contains("[WARN]").contains("no/such/folder");
		assertThat(new CliProcess(this.project).run("--quiet", "heads").ok()).isEmpty();
	}

	@Test
	void quietAndVerboseTogetherAreAUsageError() {
		CliProcess.Result both = new CliProcess(this.project).run("-q", "--verbose", "heads");
		assertThat(both.exitCode()).as(both.describe()).isEqualTo(RetortCli.USAGE);
		assertThat(both.err()).as(both.describe()).startsWith("ERROR [INVALID_ARGUMENT]").contains("mutually exclusive");
	}
}
