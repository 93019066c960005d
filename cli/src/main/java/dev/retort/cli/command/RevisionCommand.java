package dev.retort.cli.command;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort revision -m MSG [--sql|--java] [--head REV] [--splice] [--branch-label L]
 * [--depends-on R]... [--rev-id ID] [--version-path DIR]}: writes a new revision file on top of the
 * current head.
 */
@Command(name = "revision", mixinStandardHelpOptions = true, description = "Create a new revision file.")
public final class RevisionCommand extends Verb {

	@Option(names = { "-m", "--message" }, paramLabel = "MESSAGE", description = "Message of the revision.")
	@Nullable String message;

	@ArgGroup(exclusive = true)
	@Nullable Kind kind;

	@Option(names = "--head", paramLabel = "REV", description = "Revision to base the new one on (default: head); "
			+ "'base' starts a new root, e.g. for a new --branch-label.")
	@Nullable String head;

	@Option(names = "--splice", description = "Allow a non-head revision as --head (creates a branch).")
	boolean splice;

	@Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label to apply to the new revision.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--depends-on", paramLabel = "REV", description = "Revision(s) or branch label(s) the new "
			+ "revision depends on (repeatable).")
	List<String> dependsOn = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a random one.")
	@Nullable String revId;

	@Option(names = "--version-path", paramLabel = "DIR", description = "Folder to write to (one of the "
			+ "filesystem locations; required with --java).")
	@Nullable String versionPath;

	@Override
	protected void run() {
		boolean java = this.kind != null && this.kind.java;
		new RevisionFileCreator(this.root).write(new RevisionFileCreator.Request(this.message,
				(this.head != null) ? List.of(this.head) : List.of(), this.splice, this.branchLabels, this.dependsOn,
				this.revId, this.versionPath, java), out());
	}

	/** {@code --sql} (default) or {@code --java}. */
	static final class Kind {

		@Option(names = "--sql", description = "Write a SQL revision file (default).")
		boolean sql;

		@Option(names = "--java", description = "Write a Java revision class (@Revision) into --version-path.")
		boolean java;
	}
}
