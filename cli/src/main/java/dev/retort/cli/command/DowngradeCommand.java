package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.cli.CliErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code retort downgrade TARGET [--sql]}; {@code retort downgrade -1} takes {@code -1} as the target.
 * {@code downgrade base --drop-schema} then drops the configured schema, if Retort created it and nothing
 * else is in it.
 */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = "Revert to a previous version: -1, base, an id or prefix, label@-1, rev-N, ...")
public final class DowngradeCommand extends Verb {

	@Parameters(index = "0", paramLabel = "TARGET", description = "Revision target (-1, base, ae10, ...).")
	String target;

	@Option(names = "--sql", description = "Don't touch the database: print the SQL to stdout (a range FROM:TO).")
	boolean sql;

	@Option(names = "--drop-schema", description = "With target base: then drop the configured --schema, if Retort "
			+ "created it (create-schemas) and nothing but its own tables is left in it.")
	boolean dropSchema;

	@Override
	protected void run() {
		if (this.dropSchema && (this.sql || !"base".equals(this.target))) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT,
					"--drop-schema goes with `downgrade base` only (not with --sql or another target)");
		}
		if (this.sql) {
			Retort retort = this.root.databaseIfConfigured();
			MigrateSupport.printSql(out(), retort.downgradeSql(this.target));
			return;
		}
		Retort retort = MigrateSupport.printingSteps(this.root, out());
		retort.downgrade(this.target);
		if (this.dropSchema) {
			out().println("Dropped schema " + retort.dropSchema());
		}
	}
}
