package dev.retort.cli.command;

import java.util.List;

import dev.retort.Retort;
import dev.retort.RevisionInfo;
import dev.retort.cli.format.AlembicFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort branches [-v]}: each branch point, then its children indented under it, as
 * {@code alembic branches} prints them.
 */
@Command(name = "branches", mixinStandardHelpOptions = true, description = "Show current branch points.")
public final class BranchesCommand extends Verb {

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Override
	protected void run() {
		Retort retort = this.root.graph();
		AlembicFormat format = this.root.format(retort);
		for (RevisionInfo revision : format.index().all()) {
			if (!revision.branchPoint()) {
				continue;
			}
			String indent = " ".repeat(revision.id().length());
			List<String> children = format.index().children(revision.id()).stream()
				.map((child) -> indent + " -> " + format.branchChildLine(format.index().find(child), this.verbose))
				.toList();
			String first = this.verbose ? format.logEntry(revision, false) : format.branchPointLine(revision);
			out().println(first + "\n" + String.join("\n", children) + "\n");
		}
	}
}
