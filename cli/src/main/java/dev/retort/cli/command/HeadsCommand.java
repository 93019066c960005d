package dev.retort.cli.command;

import dev.retort.Retort;
import dev.retort.RevisionInfo;
import dev.retort.cli.format.AlembicFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort heads [-v] [--resolve-dependencies]}: the code's heads, {@code 1a2b (label) (head)}.
 * A head that another revision depends on is an {@code (effective head)}, and is left out with
 * {@code --resolve-dependencies}, as in Alembic.
 */
@Command(name = "heads", mixinStandardHelpOptions = true, description = "Show current available heads in the "
		+ "revision files.")
public final class HeadsCommand extends Verb {

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Option(names = "--resolve-dependencies", description = "Treat dependency versions as down revisions.")
	boolean resolveDependencies;

	@Override
	protected void run() {
		Retort retort = this.root.graph();
		AlembicFormat format = this.root.format(retort);
		for (RevisionInfo head : retort.heads()) {
			if (this.resolveDependencies && !format.index().isRealHead(head)) {
				continue;
			}
			out().println(this.verbose ? format.logEntry(head, false) : format.headsLine(head));
		}
	}
}
