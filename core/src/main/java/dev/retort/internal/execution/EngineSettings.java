package dev.retort.internal.execution;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.retort.MigrationListener;

/**
 * A snapshot of the configuration the runtime works with.
 *
 * @param dataSource the database, or {@code null} for graph-only use
 * @param dialect the dialect name for offline SQL without a database, or {@code null} to detect it
 * @param versionTable the version table name
 * @param historyTable the history table name
 * @param schema the schema of both, or {@code null} for the connection's current schema
 * @param transactionPerRevision whether each revision commits on its own
 * @param lockTimeout how long to wait for the migration lock
 * @param lockExpiry how long a lock row lives without heartbeat (databases without session locks)
 * @param validateChecksums whether checksums are checked before every upgrade and downgrade
 * @param listeners step listeners
 * @param actor who runs migrations, as recorded in the history table
 * @param createSchemas whether a configured schema that is missing is created by locked runs
 */
public record EngineSettings(@Nullable DataSource dataSource, @Nullable String dialect, String versionTable,
		String historyTable, @Nullable String schema, boolean transactionPerRevision, Duration lockTimeout,
		Duration lockExpiry, boolean validateChecksums, List<MigrationListener> listeners, String actor,
		boolean createSchemas) {

	public EngineSettings {
		listeners = List.copyOf(listeners);
	}

	/** The same settings with another actor. */
	public EngineSettings withActor(String actor) {
		return new EngineSettings(this.dataSource, this.dialect, this.versionTable, this.historyTable, this.schema,
				this.transactionPerRevision, this.lockTimeout, this.lockExpiry, this.validateChecksums, this.listeners,
				actor, this.createSchemas);
	}

	/** The same settings with another lock timeout. */
	public EngineSettings withLockTimeout(Duration lockTimeout) {
		return new EngineSettings(this.dataSource, this.dialect, this.versionTable, this.historyTable, this.schema,
				this.transactionPerRevision, lockTimeout, this.lockExpiry, this.validateChecksums, this.listeners,
				this.actor, this.createSchemas);
	}
}
