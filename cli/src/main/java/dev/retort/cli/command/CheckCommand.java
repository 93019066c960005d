package dev.retort.cli.command;

import dev.retort.CoreErrorCode;
import dev.retort.ModelCheckResult;
import dev.retort.RetortException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort check --model FILE [--scratch-url URL]}: fails (exit 1, {@code MODEL_DRIFT}) when
 * the revisions replayed from base do not give the model; the differences go to standard output,
 * one a line.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check that the revisions, replayed "
		+ "from base on throwaway scratch databases, give the model (exit 1 with MODEL_DRIFT otherwise).")
public final class CheckCommand extends Verb {

	@Option(names = "--model", paramLabel = "FILE", description = "DDL script of the desired schema.")
	@Nullable String model;

	@Option(names = "--scratch-url", paramLabel = "URL", description = "JDBC URL of the scratch server (default: "
			+ "the server of --url); its user must be allowed to create databases.")
	@Nullable String scratchUrl;

	@Override
	protected void run() {
		ModelCheckResult result = this.root.graph()
			.checkModel(ModelOptions.model(this.root, this.model), ModelOptions.scratch(this.root, this.scratchUrl));
		if (result.clean()) {
			out().println("No differences: the revisions give the model.");
			return;
		}
		result.differences().forEach(out()::println);
		out().flush();
		throw new RetortException(CoreErrorCode.MODEL_DRIFT, "The model and the revisions differ in "
				+ result.differences().size() + " place(s) (listed on standard output); run 'retort revision "
				+ "--autogenerate' to write the revision");
	}
}
