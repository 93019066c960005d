package dev.retort.cli.command;

import java.util.Set;

import dev.retort.Retort;
import dev.retort.cli.format.GraphFormat;
import dev.retort.cli.format.RevisionIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort graph [--format mermaid|dot]}: the revision graph as picture source; with a
 * database configured, its current revisions are highlighted.
 */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Print the revision graph as Mermaid or "
		+ "Graphviz DOT source (current revisions highlighted when a database is configured).")
public final class GraphCommand extends Verb {

	@Option(names = "--format", paramLabel = "FORMAT", description = "mermaid (default) or dot.")
	GraphFormat format = GraphFormat.MERMAID;

	@Override
	protected void run() {
		Retort retort = this.root.databaseIfConfigured();
		Set<String> current = this.root.settings().hasDatabase() ? Set.copyOf(retort.current()) : Set.of();
		out().print(this.format.render(new RevisionIndex(retort.history(null)), current));
	}
}
