package dev.retort.cli.command;

import dev.retort.CoreErrorCode;
import dev.retort.MigrationListener;
import dev.retort.MigrationStatus;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.format.AlembicFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort current [-v] [--check-heads]}: the database's current revisions, {@code 1a2b (head)}.
 * With {@code --check-heads} it is a deployment gate, as Alembic's: after the lines, it fails with
 * {@code PENDING_REVISIONS} unless the database is exactly at the code's heads.
 */
@Command(name = "current", mixinStandardHelpOptions = true, description = "Display the current revision(s) "
		+ "of the database.")
public final class CurrentCommand extends Verb {

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Option(names = "--check-heads", description = "Fail (exit 1, PENDING_REVISIONS) unless the database is at "
			+ "the code's heads: a deployment gate.")
	boolean checkHeads;

	@Override
	protected void run() {
		Retort retort = this.root.database(MigrationListener.NONE);
		AlembicFormat format = this.root.format(retort);
		if (this.verbose) {
			out().println("Current revision(s) for " + this.root.settings().maskedUrl() + ":");
		}
		// one read of the version table for both the lines and the check
		MigrationStatus status = retort.status();
		for (String id : status.current()) {
			var revision = RetortCommand.known(format, id);
			out().println(this.verbose ? format.logEntry(revision, false) : format.currentLine(revision));
		}
		if (this.checkHeads && !status.upToDate()) {
			out().flush();
			throw new RetortException(CoreErrorCode.PENDING_REVISIONS, "The database is not at the code's heads: current "
					+ listOrBase(status.current()) + ", heads " + listOrBase(status.heads()) + ", "
					+ status.pending().size() + " pending (" + String.join(", ", status.pending())
					+ "); run 'retort upgrade heads'");
		}
	}

	private static String listOrBase(java.util.List<String> ids) {
		return ids.isEmpty() ? "<base>" : String.join(", ", ids);
	}
}
