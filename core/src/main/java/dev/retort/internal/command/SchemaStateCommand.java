package dev.retort.internal.command;

import java.util.Set;

import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.EngineSettings;

/**
 * The schema the revisions manage, and whether a revision can be reverted: what the migration test
 * kit needs to prove that each downgrade undoes its upgrade.
 */
public final class SchemaStateCommand {

	private final EngineContext context;

	public SchemaStateCommand(EngineContext context) {
		this.context = context;
	}

	/**
	 * The connection's current schema, read in bulk, without Retort's version, history and lock tables.
	 */
	public SchemaSnapshot snapshot() {
		EngineSettings settings = this.context.settings();
		Set<String> own = Set.of(settings.versionTable(), settings.historyTable(), settings.versionTable() + "_lock");
		return this.context.withConnection(
				(connection, database) -> database.catalogReader().read(connection, new SnapshotOptions(null, own)));
	}

	/** Whether the revision an identifier names has a downgrade on the configured database. */
	public boolean hasDowngrade(String identifier) {
		String id = this.context.revision(identifier).id();
		return this.context.reversible(id, this.context.offlineDatabase());
	}
}
