package dev.retort.cli.command;

import dev.retort.cli.generate.ProjectScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retort init [dir]}: creates {@code dir/revisions/} and {@code dir/retort.properties}. */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = "Create a revisions folder and a retort.properties template in DIR (default: here).")
public final class InitCommand extends Verb {

	@Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to initialize (created if missing).")
	String directory = ".";

	@Override
	protected void run() {
		ProjectScaffold.create(this.root.context().workingDirectory().resolve(this.directory), out());
	}
}
