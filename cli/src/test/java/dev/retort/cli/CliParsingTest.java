package dev.retort.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.retort.cli.command.DowngradeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

/** How command lines are understood, in-process. */
class CliParsingTest {

	@TempDir
	Path folder;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private RetortCli cli() {
		return new RetortCli(new CliContext(Map.of(), this.folder, new PrintWriter(this.out), new PrintWriter(this.err)));
	}

	private ParseResult parse(String... args) {
		RetortCli cli = cli();
		RetortCommand root = new RetortCommand(new CliContext(Map.of(), this.folder, new PrintWriter(this.out),
				new PrintWriter(this.err)));
		return cli.commandLine(root).parseArgs(args);
	}

	private static Object verb(ParseResult result) {
		return result.subcommand().commandSpec().userObject();
	}

	@Test
	void relativeDowngradeTargetIsATargetNotAnOption() {
		for (String target : List.of("-1", "-2", "ae10-1", "base", "accounts@-1")) {
			ParseResult result = parse("downgrade", target);
			assertThat(verb(result)).isInstanceOf(DowngradeCommand.class);
			assertThat(result.subcommand().matchedPositionalValue(0, "")).isEqualTo(target);
		}
		ParseResult withSql = parse("downgrade", "--sql", "-1");
		assertThat(withSql.subcommand().matchedPositionalValue(0, "")).isEqualTo("-1");
		assertThat(withSql.subcommand().hasMatchedOption("--sql")).isTrue();
	}

	@Test
	void relativeUpgradeAndStampTargets() {
		assertThat(parse("upgrade", "+2").subcommand().matchedPositionalValue(0, "")).isEqualTo("+2");
		assertThat(parse("upgrade", "-1").subcommand().matchedPositionalValue(0, "")).isEqualTo("-1");
		assertThat(parse("edit", "-1").subcommand().matchedPositionalValue(0, "")).isEqualTo("-1");
		ParseResult stamp = parse("stamp", "--purge", "aaaa", "bbbb");
		assertThat(stamp.subcommand().matchedPositionalValue(0, List.of())).isEqualTo(List.of("aaaa", "bbbb"));
		assertThat(stamp.subcommand().hasMatchedOption("--purge")).isTrue();
	}

	@Test
	void globalOptionsGoBeforeTheVerb() {
		ParseResult result = parse("--url", "jdbc:h2:mem:x", "--user", "sa", "-c", "other.properties", "--locations",
				"filesystem:db", "--schema", "app", "--version-table", "v", "heads", "-v");
		assertThat(result.matchedOptionValue("--url", "")).isEqualTo("jdbc:h2:mem:x");
		assertThat(result.matchedOptionValue("-c", "")).isEqualTo("other.properties");
		assertThat(result.subcommand().commandSpec().name()).isEqualTo("heads");
		assertThat(result.subcommand().hasMatchedOption("-v")).isTrue();
	}

	@Test
	void revisionOptions() {
		ParseResult result = parse("revision", "-m", "add users", "--head", "accounts@head", "--branch-label", "acc",
				"--depends-on", "aaaa", "--depends-on", "bbbb", "--rev-id", "cafe", "--splice", "--java",
				"--version-path", "src/main/java/x");
		ParseResult revision = result.subcommand();
		assertThat(revision.matchedOptionValue("-m", "")).isEqualTo("add users");
		assertThat(revision.matchedOptionValue("--depends-on", List.of())).isEqualTo(List.of("aaaa", "bbbb"));
		assertThat(revision.hasMatchedOption("--java")).isTrue();
		assertThat(revision.hasMatchedOption("--splice")).isTrue();
	}

	@Test
	void sqlAndJavaAreExclusive() {
		int code = cli().run("revision", "-m", "x", "--sql", "--java");
		assertThat(code).isEqualTo(RetortCli.USAGE);
		assertOneErrorLine("INVALID_ARGUMENT");
	}

	@Test
	void resolveTakesARevisionAndExactlyOneWayOut() {
		ParseResult applied = parse("resolve", "3f9a1c2b7d4e", "--applied");
		assertThat(applied.subcommand().matchedPositionalValue(0, "")).isEqualTo("3f9a1c2b7d4e");
		assertThat(applied.subcommand().hasMatchedOption("--applied")).isTrue();
		assertThat(parse("resolve", "3f9a", "--rolled-back").subcommand().hasMatchedOption("--rolled-back")).isTrue();
		assertThat(cli().run("resolve", "3f9a", "--rolled-back", "--applied")).isEqualTo(RetortCli.USAGE);
		assertOneErrorLine("INVALID_ARGUMENT");
	}

	@Test
	void resolveWithoutAWayOutIsOneErrorLine() {
		assertThat(cli().run("resolve", "3f9a")).isEqualTo(RetortCli.USAGE);
		assertOneErrorLine("INVALID_ARGUMENT");
	}

	@Test
	void unknownOptionIsOneErrorLine() {
		int code = cli().run("heads", "--bogus");
		assertThat(code).isEqualTo(RetortCli.USAGE);
		assertOneErrorLine("INVALID_ARGUMENT");
		assertThat(this.out.toString()).isEmpty();
	}

	@Test
	void unknownVerbIsOneErrorLine() {
		int code = cli().run("upgrayedd", "heads");
		assertThat(code).isNotZero();
		assertOneErrorLine("INVALID_ARGUMENT");
	}

	@Test
	void missingVerbIsOneErrorLine() {
		int code = cli().run("--url", "jdbc:h2:mem:x");
		assertThat(code).isEqualTo(RetortCli.FAILED);
		assertOneErrorLine("INVALID_ARGUMENT");
	}

	@Test
	void missingTargetIsOneErrorLine() {
		int code = cli().run("upgrade");
		assertThat(code).isEqualTo(RetortCli.USAGE);
		assertOneErrorLine("INVALID_ARGUMENT");
	}

	@Test
	void operationsNeedingADatabaseFailWithoutOne() {
		int code = cli().run("current");
		assertThat(code).isEqualTo(RetortCli.FAILED);
		assertOneErrorLine("NO_DATABASE");
	}

	@Test
	void helpGoesToStdoutAndSucceeds() {
		int code = cli().run("--help");
		assertThat(code).isZero();
		assertThat(this.out.toString()).contains("upgrade", "downgrade", "history", "stamp", "-c=FILE");
		assertThat(this.err.toString()).isEmpty();
	}

	@Test
	void messagesAreOneLineWithThePasswordMasked() {
		assertThat(RetortCli.oneLine("failed:\n  SELECT 1\n  (secret)", "secret")).isEqualTo("failed: SELECT 1 (******)");
	}

	@Test
	void commandLineHasEveryVerb() {
		RetortCommand root = new RetortCommand(new CliContext(Map.of(), this.folder, new PrintWriter(this.out),
				new PrintWriter(this.err)));
		CommandLine commandLine = cli().commandLine(root);
		assertThat(commandLine.getSubcommands()).containsKeys("init", "revision", "merge", "upgrade", "downgrade",
				"current", "history", "heads", "branches", "show", "stamp", "validate", "repair", "resolve", "graph");
	}

	@Test
	void onlyAVerboseBeforeTheVerbIsGlobal() {
		assertThat(Main.globalVerbose(new String[] { "--verbose", "current" })).isTrue();
		assertThat(Main.globalVerbose(new String[] { "--url", "x", "--verbose", "current" })).isTrue();
		assertThat(Main.globalVerbose(new String[] { "history", "--verbose" })).isFalse();
		assertThat(Main.globalVerbose(new String[] { "-c", "history", "heads", "--verbose" })).isFalse();
	}

	private void assertOneErrorLine(String code) {
		List<String> lines = this.err.toString().lines().toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).startsWith("ERROR [" + code + "] ");
	}
}
