package dev.retort.cli.command;

import java.util.List;

import dev.retort.MigrationListener;
import dev.retort.MigrationResult;
import dev.retort.RetortException;
import dev.retort.StepResult;
import dev.retort.cli.CliErrorCode;
import dev.retort.cli.format.StepLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code retort stamp REV... [--purge] [--sql]}: sets the version table without running any
 * revision; with {@code --sql}, prints the statements that would do it instead ({@code FROM:TO} to
 * stamp from a revision other than base, as in Alembic).
 */
@Command(name = "stamp", mixinStandardHelpOptions = true, description = "'stamp' the version table with the "
		+ "given revision(s); don't run any migrations.")
public final class StampCommand extends Verb {

	@Parameters(arity = "1..*", paramLabel = "REV", description = "Revision(s): heads, base, ids, labels, ...; "
			+ "with --sql also FROM:TO.")
	List<String> revisions;

	@Option(names = "--purge", description = "Delete all entries in the version table before stamping.")
	boolean purge;

	@Option(names = "--sql", description = "Don't touch the database: print the SQL to stdout (from base, or "
			+ "from FROM in FROM:TO).")
	boolean sql;

	@Override
	protected void run() {
		if (this.sql) {
			if (this.purge) {
				// as Alembic: an offline script cannot know which rows a purge would delete
				throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "Can't use --purge with --sql mode");
			}
			MigrateSupport.printSql(out(), this.root.databaseIfConfigured().stampSql(this.revisions));
			return;
		}
		MigrationResult result = this.root.database(MigrationListener.NONE).stamp(this.revisions, this.purge);
		for (StepResult step : result.steps()) {
			out().println(StepLines.stamp(step.headsBefore(), step.headsAfter()));
		}
	}
}
