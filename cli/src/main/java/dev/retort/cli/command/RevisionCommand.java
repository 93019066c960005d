package dev.retort.cli.command;

import java.util.ArrayList;
import java.util.List;

import dev.retort.cli.CliErrorCode;
import dev.retort.RetortException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort revision -m MSG [--sql|--java] [--head REV] [--splice] [--branch-label L]
 * [--depends-on R]... [--rev-id ID] [--version-path DIR]}: writes a new revision file on top of the
 * current head; with {@code --autogenerate --model FILE} the file holds the statements that take the
 * revisions' schema to the model.
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

	@Option(names = "--autogenerate", description = "Write the revision from the revisions' schema to --model, "
			+ "compared on throwaway scratch databases and verified before it is written.")
	boolean autogenerate;

	@Option(names = "--model", paramLabel = "FILE", description = "With --autogenerate: DDL script of the desired schema.")
	@Nullable String model;

	@Option(names = "--scratch-url", paramLabel = "URL", description = "With --autogenerate: JDBC URL of the scratch "
			+ "server (default: the server of --url).")
	@Nullable String scratchUrl;

	@Option(names = "--rename", paramLabel = "TABLE.OLD=NEW", description = "With --autogenerate: a column rename "
			+ "(repeatable); the drop and add so named become one rename.")
	List<String> renames = new ArrayList<>();

	@Override
	protected void run() {
		boolean java = this.kind != null && this.kind.java;
		if (this.autogenerate) {
			new AutogenerateRevision(this.root).write(new AutogenerateRevision.Request(this.message, this.head,
					ModelOptions.model(this.root, this.model), ModelOptions.scratch(this.root, this.scratchUrl),
					this.renames, this.revId, this.versionPath, java), out());
			return;
		}
		if (this.model != null || this.scratchUrl != null || !this.renames.isEmpty()) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "--model, --scratch-url and --rename need --autogenerate");
		}
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
