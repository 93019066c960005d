package dev.retort.cli.command;

import dev.retort.InterruptedRevision;
import dev.retort.MigrationListener;
import dev.retort.Resolution;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code retort resolve <rev> --rolled-back|--applied}: the way out of an interrupted revision
 * ({@code INTERRUPTED_REVISION}), after the operator dealt with its partial work by hand.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve an interrupted revision (one "
		+ "whose run died part-way): --rolled-back after undoing its partial work by hand (a retry may run), "
		+ "--applied after completing it by hand (marks it applied). Recorded in the history with the actor.")
public final class ResolveCommand extends Verb {

	@Parameters(index = "0", paramLabel = "<revision>", description = "The interrupted revision.")
	String revision = "";

	@ArgGroup(exclusive = true, multiplicity = "1")
	How how = new How();

	/** Exactly one of the two ways out. */
	static final class How {

		@Option(names = "--rolled-back", description = "Its partial work was undone by hand: mark the attempt "
				+ "abandoned; the next upgrade runs the revision again.")
		boolean rolledBack;

		@Option(names = "--applied", description = "It was completed by hand: mark it applied (version rows as "
				+ "stamp would set them).")
		boolean applied;
	}

	@Override
	protected void run() {
		Resolution resolution = this.how.applied ? Resolution.APPLIED : Resolution.ROLLED_BACK;
		InterruptedRevision resolved = this.root.database(MigrationListener.NONE).resolve(this.revision, resolution);
		out().println("Resolved interrupted " + resolved.direction() + " of " + resolved.revision() + " (started "
				+ resolved.startedAt() + " by " + resolved.actor() + "): "
				+ ((resolution == Resolution.APPLIED) ? "marked applied" : "marked rolled back; a retry may run"));
	}
}
