package dev.retort.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run builds only its verb's picocli model (a start-up cost), and still behaves as with every verb:
 * help, usage errors and the parsing rules of target verbs.
 */
class CliVerbSelectionTest {

	@TempDir
	Path folder;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private RetortCli cli() {
		return new RetortCli(new CliContext(Map.of(), this.folder, new PrintWriter(this.out), new PrintWriter(this.err)));
	}

	private RetortCommand root() {
		return new RetortCommand(new CliContext(Map.of(), this.folder, new PrintWriter(this.out),
				new PrintWriter(this.err)));
	}

	@Test
	void theVerbIsTheFirstWordThatIsNoGlobalOptionOrItsValue() {
		assertThat(Main.verbOf(new String[] { "heads" })).isEqualTo("heads");
		assertThat(Main.verbOf(new String[] { "--url", "heads", "-c", "current", "--verbose", "history", "-r", "x" }))
			.isEqualTo("history");
		assertThat(Main.verbOf(new String[] { "--url=jdbc:h2:mem:x", "upgrade", "heads" })).isEqualTo("upgrade");
		assertThat(Main.verbOf(new String[] { "--help" })).isNull();
		assertThat(Main.verbOf(new String[0])).isNull();
	}

	@Test
	void everyGlobalOptionWithAValueIsKnownToTheVerbScan() {
		// else its value could be taken for the verb, and the real verb would be missing from the model
		CommandLine commandLine = cli().commandLine(root());
		for (OptionSpec option : commandLine.getCommandSpec().options()) {
			if (option.arity().max() > 0) {
				assertThat(Main.OPTIONS_WITH_VALUE).as("global option " + option.longestName())
					.containsAnyElementsOf(java.util.List.of(option.names()));
			}
		}
	}

	@Test
	void theLauncherFindsTheVerbAsMainDoesToNameItsArchive() throws IOException {
		// bin/retort keeps a class-data-sharing archive per verb: it must skip the same global options'
		// values, and know every verb (another word shares the archive "other").
		String launcher = Files.readString(Path.of("src/dist/bin/retort"));
		Matcher options = Pattern.compile("\\n\\t\\t(-c\\|--url[^)]*)\\)")
			.matcher(launcher);
		assertThat(options.find()).as("the launcher's list of options with a value").isTrue();
		assertThat(Set.of(options.group(1).split("\\|"))).isEqualTo(Main.OPTIONS_WITH_VALUE);
		Matcher verbs = Pattern.compile("\\n\\t(init\\|[a-z|]*)\\) ;;").matcher(launcher);
		assertThat(verbs.find()).as("the launcher's list of verbs").isTrue();
		assertThat(Set.of(verbs.group(1).split("\\|"))).isEqualTo(RetortCommand.VERBS.stream()
			.map((verb) -> verb.getAnnotation(CommandLine.Command.class).name())
			.collect(Collectors.toSet()));
	}

	@Test
	void aKnownVerbGetsOnlyItsOwnModel() {
		CommandLine commandLine = cli().commandLine(root(), "downgrade");
		assertThat(commandLine.getSubcommands()).containsOnlyKeys("downgrade", "help");
		// the target verbs' rule still applies: -1 is a target
		assertThat(commandLine.parseArgs("downgrade", "-1").subcommand().matchedPositionalValue(0, "")).isEqualTo("-1");
	}

	@Test
	void noVerbHelpOrAnUnknownWordGetsEveryVerb() {
		for (String verb : new String[] { null, "help", "nosuch" }) {
			assertThat(cli().commandLine(root(), verb).getSubcommands()).as(String.valueOf(verb))
				.hasSize(RetortCommand.VERBS.size() + 1);
		}
	}

	@Test
	void usageAndErrorsStillListEveryVerb() {
		assertThat(cli().run("--help")).isZero();
		assertThat(this.out.toString()).contains("heads").contains("upgrade").contains("downgrade").contains("check");
		assertThat(cli().run("help", "heads")).isZero();
		assertThat(cli().run("heads", "--help")).isZero();
		assertThat(this.out.toString()).contains("Usage: retort heads");
		assertThat(cli().run("haeds")).isEqualTo(RetortCli.USAGE);
		assertThat(this.err.toString()).contains("ERROR [INVALID_ARGUMENT]").contains("haeds");
	}
}
