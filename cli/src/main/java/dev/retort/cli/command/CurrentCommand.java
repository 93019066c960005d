package dev.retort.cli.command;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.format.AlembicFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retort current [-v]}: the database's current revisions, {@code 1a2b (head)}. */
@Command(name = "current", mixinStandardHelpOptions = true, description = "Display the current revision(s) "
		+ "of the database.")
public final class CurrentCommand extends Verb {

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Override
	protected void run() {
		Retort retort = this.root.database(MigrationListener.NONE);
		AlembicFormat format = this.root.format(retort);
		if (this.verbose) {
			out().println("Current revision(s) for " + this.root.settings().maskedUrl() + ":");
		}
		for (String id : retort.current()) {
			var revision = RetortCommand.known(format, id);
			out().println(this.verbose ? format.logEntry(revision, false) : format.currentLine(revision));
		}
	}
}
