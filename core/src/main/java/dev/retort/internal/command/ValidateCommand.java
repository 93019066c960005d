package dev.retort.internal.command;

import java.util.List;

import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.HistoryTable;
import dev.retort.internal.execution.TableNames;
import dev.retort.internal.execution.VersionTable;

/** {@code validate}: the applied revisions' files still have the checksums recorded when they ran. */
public final class ValidateCommand {

	private final EngineContext context;

	public ValidateCommand(EngineContext context) {
		this.context = context;
	}

	/**
	 * Checks every applied revision's checksum.
	 * @throws dev.retort.RetortException {@code CHECKSUM_MISMATCH} or {@code UNKNOWN_DATABASE_REVISION}
	 */
	public void run() {
		this.context.withConnection((connection, database) -> {
			TableNames tables = this.context.tables(database);
			List<String> rows = new VersionTable(database, tables).readIfExists(connection);
			this.context.requireKnown(rows);
			this.context.checkChecksums(rows, new HistoryTable(database, tables).checksums(connection));
			return null;
		});
	}
}
