package dev.retort.cli.command;

import java.util.ArrayList;
import java.util.List;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RevisionInfo;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.format.AlembicFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code retort show REV}: the verbose block of the revision(s) {@code REV} names; {@code heads} for
 * every head, {@code current} for the database's current revisions.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the revision(s) denoted by the "
		+ "given symbol (an id or prefix, head, heads, label@head, current, ...).")
public final class ShowCommand extends Verb {

	@Parameters(index = "0", paramLabel = "REV", description = "Revision identifier.")
	String revision;

	@Override
	protected void run() {
		boolean current = "current".equals(this.revision);
		Retort retort = current ? this.root.database(MigrationListener.NONE) : this.root.graph();
		AlembicFormat format = this.root.format(retort);
		List<RevisionInfo> shown = new ArrayList<>();
		if (current) {
			retort.current().forEach((id) -> shown.add(RetortCommand.known(format, id)));
		}
		else if ("heads".equals(this.revision)) {
			shown.addAll(retort.heads());
		}
		else if (!"base".equals(this.revision)) {
			shown.add(retort.revision(this.revision));
		}
		for (RevisionInfo info : shown) {
			out().println(format.logEntry(info, false));
		}
	}
}
