package dev.retort.cli.command;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retort merge -m MSG REVS... | heads}: writes a revision that revises several. */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge two revisions together; "
		+ "creates a new revision file.")
public final class MergeCommand extends Verb {

	@Parameters(arity = "1..*", paramLabel = "REV", description = "Revisions to merge, or 'heads'.")
	List<String> revisions = new ArrayList<>();

	@Option(names = { "-m", "--message" }, paramLabel = "MESSAGE", description = "Message of the merge revision.")
	@Nullable String message;

	@ArgGroup(exclusive = true)
	RevisionCommand.@Nullable Kind kind;

	@Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label to apply to the new revision.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a random one.")
	@Nullable String revId;

	@Option(names = "--splice", description = "Allow non-head revisions (creates a new branch point).")
	boolean splice;

	@Option(names = "--version-path", paramLabel = "DIR", description = "Folder to write to (required with --java).")
	@Nullable String versionPath;

	@Override
	protected void run() {
		boolean java = this.kind != null && this.kind.java;
		new RevisionFileCreator(this.root).write(new RevisionFileCreator.Request(this.message, this.revisions, this.splice,
				this.branchLabels, List.of(), this.revId, this.versionPath, java), out());
	}
}
