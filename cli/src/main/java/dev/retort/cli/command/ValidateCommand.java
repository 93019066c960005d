package dev.retort.cli.command;

import dev.retort.MigrationListener;
import picocli.CommandLine.Command;

/** {@code retort validate}: checks applied revisions' checksums against the files. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check that applied revision files "
		+ "have not changed since they were applied (fails with CHECKSUM_MISMATCH otherwise).")
public final class ValidateCommand extends Verb {

	@Override
	protected void run() {
		this.root.database(MigrationListener.NONE).validate();
		out().println("Applied revisions match their files.");
	}
}
