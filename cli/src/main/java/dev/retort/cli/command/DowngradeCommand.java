package dev.retort.cli.command;

import dev.retort.Retort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort downgrade TARGET [--sql]}; {@code retort downgrade -1} takes {@code -1} as the target. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = "Revert to a previous version: -1, base, an id or prefix, label@-1, rev-N, ...")
public final class DowngradeCommand extends Verb {

	@Parameters(index = "0", paramLabel = "TARGET", description = "Revision target (-1, base, ae10, ...).")
	String target;

	@Option(names = "--sql", description = "Don't touch the database: print the SQL to stdout (a range FROM:TO).")
	boolean sql;

	@Override
	protected void run() {
		if (this.sql) {
			Retort retort = this.root.databaseIfConfigured();
			MigrateSupport.printSql(out(), retort.downgradeSql(this.target));
			return;
		}
		MigrateSupport.printingSteps(this.root, out()).downgrade(this.target);
	}
}
