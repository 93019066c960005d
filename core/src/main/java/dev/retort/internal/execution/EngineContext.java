package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.retort.AppliedStep;
import dev.retort.Command;
import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.MigrationPlan;
import dev.retort.MigrationResult;
import dev.retort.MigrationStatus;
import dev.retort.MigrationStep;
import dev.retort.Outcome;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;
import dev.retort.StepResult;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.Databases;
import dev.retort.internal.database.IdentifierValidator;
import dev.retort.internal.database.LockRequest;
import dev.retort.internal.database.MigrationLock;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.RevisionNode;
import dev.retort.internal.script.JavaBody;
import dev.retort.internal.script.RevisionScript;
import dev.retort.internal.script.ScriptBody;
import dev.retort.internal.script.SqlBody;

/**
 * What every command behind {@link dev.retort.Retort} shares: the settings, the loaded revisions and
 * their graph (built once), the database (found once, from the configured dialect or the first
 * connection), and the helpers that open a connection, take the migration lock and check the
 * version rows and checksums. The commands themselves are in {@code dev.retort.internal.command}.
 * Immutable and thread-safe; the only state it gains after construction is the memoised database.
 * <p>
 * About 400 lines with its Javadoc: the connection, lock and bookkeeping helpers are the shared
 * core of every command and are kept next to the state (the memoised database) they use.
 */
public final class EngineContext {

	private final EngineSettings settings;

	private final RevisionGraph graph;

	private final Map<String, RunnableRevision> revisions;

	private final PlanExecutor.OperationsFactory operations;

	private volatile @Nullable Database database;

	/** Whether this context replays revisions on a throwaway database ({@link #onScratch}). */
	private final boolean scratch;

	/**
	 * Builds the graph from scripts in load order.
	 * @throws RetortException if the graph is invalid or a configured identifier is
	 */
	public EngineContext(EngineSettings settings, List<RevisionScript> scripts) {
		this(settings, scriptRevisions(scripts), OperationsSupport::live);
	}

	EngineContext(EngineSettings settings, List<? extends RunnableRevision> revisions,
			PlanExecutor.OperationsFactory operations) {
		validateNames(settings);
		this.settings = settings;
		Map<String, RunnableRevision> byId = new LinkedHashMap<>();
		List<RevisionNode> nodes = new ArrayList<>();
		for (RunnableRevision revision : revisions) {
			nodes.add(revision.node());
			byId.putIfAbsent(revision.node().id(), revision);
		}
		this.graph = RevisionGraph.build(nodes);
		this.revisions = Collections.unmodifiableMap(byId);
		this.operations = operations;
		this.scratch = false;
		if (settings.dialect() != null) {
			this.database = Databases.byName(settings.dialect());
		}
	}

	private EngineContext(EngineContext source, EngineSettings settings) {
		this(source, settings, source.database, source.scratch);
	}

	private EngineContext(EngineContext source, EngineSettings settings, @Nullable Database database,
			boolean scratch) {
		this.settings = settings;
		this.graph = source.graph;
		this.revisions = source.revisions;
		this.operations = source.operations;
		this.database = database;
		this.scratch = scratch;
	}

	private static List<RunnableRevision> scriptRevisions(List<RevisionScript> scripts) {
		List<RunnableRevision> revisions = new ArrayList<>(scripts.size());
		for (RevisionScript script : scripts) {
			revisions.add(new ScriptRevision(script));
		}
		return revisions;
	}

	private static void validateNames(EngineSettings settings) {
		// Characters now; each dialect's length limit when the database is known.
		IdentifierValidator validator = new IdentifierValidator(256, "Retort", false);
		validator.validate(settings.versionTable(), "version table");
		validator.validate(settings.historyTable(), "history table");
		if (settings.schema() != null) {
			validator.validate(settings.schema(), "schema");
		}
		if (settings.lockTimeout().isNegative()) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION, "lockTimeout must not be negative");
		}
		if (settings.lockExpiry().compareTo(Duration.ofSeconds(1)) < 0) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION, "lockExpiry must be at least 1 s");
		}
		if (settings.dialect() != null) {
			Databases.byName(settings.dialect());
		}
	}

	/**
	 * The same revisions and graph, loaded once, on a throwaway database (autogenerate's and check's
	 * replay): its engine detected from its connections, Retort's tables in its default schema,
	 * {@code actor} recorded, no listeners (the application's hear nothing of scratch runs). Where the
	 * driver pipelines batches, each transactional revision's statements go to the server as one batch.
	 */
	public EngineContext onScratch(DataSource scratch, String actor) {
		EngineSettings scratchSettings = new EngineSettings(scratch, null, this.settings.versionTable(),
				this.settings.historyTable(), null, this.settings.transactionPerRevision(), this.settings.lockTimeout(),
				this.settings.lockExpiry(), this.settings.validateChecksums(), List.of(), actor, false);
		return new EngineContext(this, scratchSettings, null, true);
	}

	/** A copy that records {@code actor} in the history table. */
	public EngineContext withActor(String actor) {
		return new EngineContext(this, this.settings.withActor(actor));
	}

	/** A copy that waits at most {@code lockTimeout} for the migration lock. */
	public EngineContext withLockTimeout(Duration lockTimeout) {
		if (lockTimeout.isNegative()) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION, "lockTimeout must not be negative");
		}
		return new EngineContext(this, this.settings.withLockTimeout(lockTimeout));
	}

	/** The revision graph. */
	public RevisionGraph graph() {
		return this.graph;
	}

	/** The settings this context runs with. */
	public EngineSettings settings() {
		return this.settings;
	}

	// ---- revisions ----------------------------------------------------------------------------

	/** Information about one revision id. */
	public RevisionInfo info(String id) {
		return this.graph.info(id);
	}

	/** Information about several revision ids, in their order. */
	public List<RevisionInfo> infos(List<String> ids) {
		return ids.stream().map(this::info).toList();
	}

	/**
	 * The revision an identifier names.
	 * @throws RetortException {@code UNKNOWN_REVISION} if it names none, or base
	 */
	public RevisionInfo revision(String identifier) {
		String id = this.graph.resolveOne(identifier);
		if (id == null) {
			throw new RetortException(CoreErrorCode.UNKNOWN_REVISION, "'" + identifier
					+ "' names base, which is not a revision");
		}
		return info(id);
	}

	// ---- database access ----------------------------------------------------------------------

	private DataSource dataSource() {
		DataSource dataSource = this.settings.dataSource();
		if (dataSource == null) {
			throw new RetortException(CoreErrorCode.NO_DATABASE,
					"This operation needs a database, but no DataSource is configured");
		}
		return dataSource;
	}

	private Database database(Connection connection) {
		Database known = this.database;
		if (known == null) {
			known = Databases.detect(connection);
			this.database = known;
		}
		return known;
	}

	/** The database for offline SQL: configured, or detected from the database. */
	public Database offlineDatabase() {
		Database known = this.database;
		if (known != null) {
			return known;
		}
		if (this.settings.dataSource() == null) {
			throw new RetortException(CoreErrorCode.NO_DATABASE, "Offline SQL needs to know the database: configure a"
					+ " dialect (postgresql, h2, mysql, mariadb) or a DataSource");
		}
		return withConnection((connection, database) -> database);
	}

	/** Retort's own tables in {@code database}, their names validated. */
	public TableNames tables(Database database) {
		return TableNames.of(database, this.settings.schema(), this.settings.versionTable(),
				this.settings.historyTable());
	}

	/** Work on a connection of the configured database. */
	@FunctionalInterface
	public interface ConnectionWork<T> {

		T run(Connection connection, Database database) throws SQLException;
	}

	/** Runs read-only work on a connection in autocommit mode (no lock, no open transaction left). */
	public <T> T withConnection(ConnectionWork<T> work) {
		try (Connection connection = dataSource().getConnection()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			return work.run(connection, database(connection));
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Database error: " + Sql.describe(ex), ex);
		}
	}

	private MigrationLock lock(Database database, TableNames tables) {
		String schema = (this.settings.schema() != null) ? this.settings.schema() : "";
		return database.lock(new LockRequest(schema, this.settings.versionTable(), dataSource(), tables.lock(),
				this.settings.lockExpiry(), this.settings.actor()));
	}

	/** What a locked run does once the tables exist and the rows are read. */
	@FunctionalInterface
	public interface LockedWork<T> {

		T run(Connection connection, Database database, TableNames tables, List<String> rows,
				MigrationLock.Held lock) throws SQLException;
	}

	/**
	 * Opens the run's connection, takes the lock (a session lock on that same connection, so a run
	 * on PostgreSQL or MySQL uses one connection), then creates the version table if needed and
	 * reads its rows (one round trip when it exists); work that writes history rows creates that
	 * table itself, so a run with nothing to do does not probe it. While waiting for the lock the
	 * connection is in autocommit, with no transaction open.
	 */
	public <T> T locked(LockedWork<T> work) {
		return locked(work, false);
	}

	/**
	 * {@link #locked(LockedWork)}, first creating the configured schema when it is missing and
	 * {@code create-schemas} is on ({@code createSchema}: upgrade and stamp, which write into it; a
	 * downgrade or a repair has nothing to do in a schema that does not exist).
	 */
	public <T> T locked(LockedWork<T> work, boolean createSchema) {
		Connection connection;
		try {
			connection = dataSource().getConnection();
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Database error: " + Sql.describe(ex), ex);
		}
		try {
			connection.setAutoCommit(true);
			Database database = database(connection);
			TableNames tables = tables(database);
			String schema = tables.schema();
			boolean createdSchema = createSchema && this.settings.createSchemas() && schema != null
					&& SchemaCreation.createIfMissing(connection, database, schema);
			MigrationLock.Held lock = lock(database, tables).acquire(connection, this.settings.lockTimeout());
			try {
				// The probe that creates the version table if missing is also the read of its rows. The
				// history table is created by the work, only when it writes to it.
				List<String> rows = new VersionTable(database, tables).createAndRead(connection);
				if (createdSchema) {
					SchemaCreation.record(connection, database, tables, schema, this.settings.actor());
				}
				return work.run(connection, database, tables, rows, lock);
			}
			finally {
				// Back to autocommit with nothing open before a session lock is released on it.
				Sql.rollbackQuietly(connection);
				try {
					connection.setAutoCommit(true);
				}
				catch (SQLException ex) {
					// Releasing the lock then fails too, and the connection is discarded.
				}
				lock.close();
			}
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Database error: " + Sql.describe(ex), ex);
		}
		finally {
			Sql.closeQuietly(connection);
		}
	}

	/** Undoes {@link Database#startRun(Connection)}, back in autocommit with nothing open. */
	public static void endRun(Connection connection, Database database) {
		try {
			Sql.rollbackQuietly(connection);
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			return; // The connection is closed next anyway.
		}
		database.endRun(connection);
	}

	// ---- bookkeeping shared by the commands ---------------------------------------------------

	/**
	 * Refuses version rows the code does not know.
	 * @throws RetortException {@code UNKNOWN_DATABASE_REVISION}
	 */
	public void requireKnown(List<String> rows) {
		List<String> unknown = new ArrayList<>();
		for (String row : rows) {
			if (!this.graph.contains(row)) {
				unknown.add(row);
			}
		}
		if (!unknown.isEmpty()) {
			throw RetortException.builder(CoreErrorCode.UNKNOWN_DATABASE_REVISION, "The version table holds revision(s) "
					+ String.join(", ", unknown) + " that the code does not know (version rows: "
					+ String.join(", ", rows) + "). The database was migrated by newer code, or a revision file is"
					+ " missing from the configured locations. Deploy the code that has it, or `stamp --purge` to the"
					+ " revision the database really is at.")
				.revision(unknown.get(0))
				.build();
		}
	}

	/**
	 * Refuses a plan that would pass through a revision without a downgrade, before anything runs.
	 * @throws RetortException {@code IRREVERSIBLE_REVISION}
	 */
	public void refuseIrreversible(MigrationPlan plan, Database database) {
		List<String> irreversible = new ArrayList<>();
		for (MigrationStep step : plan.steps()) {
			if (step.direction() == Direction.DOWNGRADE && step.revision() != null) {
				RunnableRevision revision = this.revisions.get(step.revision());
				if (revision != null && !reversible(revision.body(), database)) {
					irreversible.add(step.revision() + " (" + revision.source() + ")");
				}
			}
		}
		if (!irreversible.isEmpty()) {
			String first = irreversible.get(0);
			throw RetortException.builder(CoreErrorCode.IRREVERSIBLE_REVISION, "Cannot " + plan.command() + " to '"
					+ plan.target() + "': it would pass through revision(s) without a downgrade: "
					+ String.join(", ", irreversible) + ". Nothing was run.")
				.revision(first.substring(0, first.indexOf(' ')))
				.build();
		}
	}

	/** Whether revision {@code id} has a downgrade on {@code database}. */
	public boolean reversible(String id, Database database) {
		return reversible(this.revisions.get(id).body(), database);
	}

	static boolean reversible(ScriptBody body, Database database) {
		if (body instanceof SqlBody sql) {
			return sql.reversible(database.name());
		}
		return body.reversible();
	}

	/** The version rows, read in autocommit without the lock (empty if the table does not exist). */
	public List<String> readRows() {
		return withConnection((connection, database) -> new VersionTable(database, tables(database))
			.readIfExists(connection));
	}

	/**
	 * Compares the applied revisions' files with {@code recorded}, the checksums in the history table.
	 * @throws RetortException {@code CHECKSUM_MISMATCH} naming every changed revision
	 */
	public void checkChecksums(List<String> rows, Map<String, String> recorded) {
		List<String> changed = new ArrayList<>();
		String firstId = null;
		String firstSource = null;
		for (String id : this.graph.applied(rows)) {
			RunnableRevision revision = this.revisions.get(id);
			String was = recorded.get(id);
			// Only applied revisions with a recorded checksum are checked, without parsing their files.
			String now = (revision != null && was != null) ? revision.validationChecksum() : null;
			if (revision != null && was != null && now != null && !was.equals(now)) {
				changed.add("  " + id + " (" + revision.source() + "): recorded " + was + ", now " + now);
				if (firstId == null) {
					firstId = id;
					firstSource = revision.source();
				}
			}
		}
		if (!changed.isEmpty()) {
			throw RetortException.builder(CoreErrorCode.CHECKSUM_MISMATCH, changed.size()
					+ " applied revision(s) changed since they were applied:\n" + String.join("\n", changed)
					+ "\nRestore the files as they were applied; if the change is deliberate (e.g. a comment or"
					+ " whitespace fix), record the new checksums with `repair`.")
				.revision(firstId)
				.source(firstSource)
				.build();
		}
	}

	/** The checksum of a loaded revision's file as it is now, or {@code null} if it has none. */
	public @Nullable String checksum(String id) {
		RunnableRevision revision = this.revisions.get(id);
		return (revision != null) ? revision.checksum() : null;
	}

	/** An executor for a plan on {@code database}, with this context's revisions and settings. */
	public PlanExecutor executor(Database database, VersionTable versions, HistoryTable history) {
		return new PlanExecutor(database, versions, history, this.revisions, this.settings.listeners(),
				this.settings.actor(), this.settings.transactionPerRevision(), this.operations, tables(database))
			.pipelineStatements(this.scratch && database.pipelinesStatementBatches());
	}

	/** Finds and describes interrupted revisions. */
	public Interruptions interruptions() {
		return new Interruptions(this.revisions);
	}

	/** The renderer of offline SQL for {@code database}. */
	public OfflineSql offlineSql(Database database) {
		return new OfflineSql(database, tables(database), this.revisions, this.operations);
	}
}
