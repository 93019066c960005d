package dev.retort.cli.command;

import dev.retort.Retort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort upgrade TARGET [--sql]}. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = "Upgrade to a later version: heads, head, an id or prefix, label@head, +N, rev+N, ...")
public final class UpgradeCommand extends Verb {

	@Parameters(index = "0", paramLabel = "TARGET", description = "Revision target (heads, head, +1, ae10+2, ...).")
	String target;

	@Option(names = "--sql", description = "Don't touch the database: print the SQL to stdout "
			+ "(TARGET or a range FROM:TO).")
	boolean sql;

	@Override
	protected void run() {
		if (this.sql) {
			Retort retort = this.root.databaseIfConfigured();
			MigrateSupport.printSql(out(), retort.upgradeSql(this.target));
			return;
		}
		MigrateSupport.printingSteps(this.root, out()).upgrade(this.target);
	}
}
