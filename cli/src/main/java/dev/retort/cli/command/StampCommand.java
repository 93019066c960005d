package dev.retort.cli.command;

import java.util.List;

import dev.retort.MigrationListener;
import dev.retort.MigrationResult;
import dev.retort.StepResult;
import dev.retort.cli.format.StepLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort stamp REV... [--purge]}: sets the version table without running any revision. */
@Command(name = "stamp", mixinStandardHelpOptions = true, description = "'stamp' the version table with the "
		+ "given revision(s); don't run any migrations.")
public final class StampCommand extends Verb {

	@Parameters(arity = "1..*", paramLabel = "REV", description = "Revision(s): heads, base, ids, labels, ...")
	List<String> revisions;

	@Option(names = "--purge", description = "Delete all entries in the version table before stamping.")
	boolean purge;

	@Override
	protected void run() {
		MigrationResult result = this.root.database(MigrationListener.NONE).stamp(this.revisions, this.purge);
		for (StepResult step : result.steps()) {
			out().println(StepLines.stamp(step.headsBefore(), step.headsAfter()));
		}
	}
}
