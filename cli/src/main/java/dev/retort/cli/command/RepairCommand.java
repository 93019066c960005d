package dev.retort.cli.command;

import java.util.List;

import dev.retort.MigrationListener;
import picocli.CommandLine.Command;

/** {@code retort repair}: re-records the checksums of applied revisions from the files, on purpose. */
@Command(name = "repair", mixinStandardHelpOptions = true, description = "Accept the current content of applied "
		+ "revision files: re-record their checksums.")
public final class RepairCommand extends Verb {

	@Override
	protected void run() {
		List<String> repaired = this.root.database(MigrationListener.NONE).repair();
		if (repaired.isEmpty()) {
			out().println("Nothing to repair.");
		}
		for (String id : repaired) {
			out().println("Repaired checksum of " + id);
		}
	}
}
