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
 * The engine behind {@link dev.retort.Retort}: the loaded revisions, their graph (built once), and
 * every operation on them. Immutable and thread-safe; the only state it gains after construction
 * is the memoised dialect of its database.
 */
public final class Engine {

	private final EngineSettings settings;

	private final RevisionGraph graph;

	private final Map<String, RunnableRevision> revisions;

	private final PlanExecutor.OperationsFactory operations;

	private volatile @Nullable Database database;

	/**
	 * Builds the graph from scripts in load order.
	 * @throws RetortException if the graph is invalid or a configured identifier is
	 */
	public Engine(EngineSettings settings, List<RevisionScript> scripts) {
		this(settings, scriptRevisions(scripts), OperationsSupport::live);
	}

	Engine(EngineSettings settings, List<? extends RunnableRevision> revisions,
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
		if (settings.dialect() != null) {
			this.database = Databases.byName(settings.dialect());
		}
	}

	private Engine(Engine source, EngineSettings settings) {
		this.settings = settings;
		this.graph = source.graph;
		this.revisions = source.revisions;
		this.operations = source.operations;
		this.database = source.database;
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

	/** A copy that records {@code actor} in the history table. */
	public Engine withActor(String actor) {
		return new Engine(this, this.settings.withActor(actor));
	}

	/** A copy that waits at most {@code lockTimeout} for the migration lock. */
	public Engine withLockTimeout(Duration lockTimeout) {
		if (lockTimeout.isNegative()) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION, "lockTimeout must not be negative");
		}
		return new Engine(this, this.settings.withLockTimeout(lockTimeout));
	}

	/** The revision graph. */
	public RevisionGraph graph() {
		return this.graph;
	}

	// ---- graph-only ---------------------------------------------------------------------------

	/** Information about one revision id. */
	public RevisionInfo info(String id) {
		return this.graph.info(id);
	}

	private List<RevisionInfo> infos(List<String> ids) {
		return ids.stream().map(this::info).toList();
	}

	public List<RevisionInfo> heads() {
		return infos(this.graph.heads());
	}

	public List<RevisionInfo> branches() {
		return infos(this.graph.branchPoints());
	}

	public List<RevisionInfo> history(@Nullable String range) {
		return infos(this.graph.history(range));
	}

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

	/** The dialect for offline SQL: configured, or detected from the database. */
	private Database offlineDatabase() {
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

	private TableNames tables(Database database) {
		return TableNames.of(database, this.settings.schema(), this.settings.versionTable(),
				this.settings.historyTable());
	}

	@FunctionalInterface
	private interface ConnectionWork<T> {

		T run(Connection connection, Database database) throws SQLException;
	}

	/** Runs read-only work on a connection in autocommit mode (no lock, no open transaction left). */
	private <T> T withConnection(ConnectionWork<T> work) {
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
	private interface LockedWork<T> {

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
	private <T> T locked(LockedWork<T> work) {
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
			MigrationLock.Held lock = lock(database, tables).acquire(connection, this.settings.lockTimeout());
			try {
				// The probe that creates the version table if missing is also the read of its rows. The
				// history table is created by the work, only when it writes to it.
				List<String> rows = new VersionTable(database, tables).createAndRead(connection);
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
	private static void endRun(Connection connection, Database database) {
		try {
			Sql.rollbackQuietly(connection);
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			return; // The connection is closed next anyway.
		}
		database.endRun(connection);
	}

	// ---- migrations ---------------------------------------------------------------------------

	public MigrationResult upgrade(String target) {
		return migrate(Command.UPGRADE, target, (rows) -> this.graph.planUpgrade(rows, target), false);
	}

	public MigrationResult downgrade(String target) {
		return migrate(Command.DOWNGRADE, target, (rows) -> this.graph.planDowngrade(rows, target), false);
	}

	/**
	 * Downgrades to {@code target} after {@code approval} accepted the plan. The approval runs under
	 * the migration lock, with the plan made from the version rows read under it, before any step
	 * runs; it refuses by throwing.
	 */
	public MigrationResult downgrade(String target, Consumer<MigrationPlan> approval) {
		return migrate(Command.DOWNGRADE, target, (rows) -> {
			MigrationPlan plan = this.graph.planDowngrade(rows, target);
			approval.accept(plan);
			return plan;
		}, false);
	}

	public MigrationResult stamp(List<String> targets, boolean purge) {
		return migrate(Command.STAMP, String.join(" ", targets), (rows) -> this.graph.planStamp(rows, targets, purge),
				purge);
	}

	private MigrationResult migrate(Command command, String target, Function<List<String>, MigrationPlan> planner,
			boolean purge) {
		long start = System.nanoTime();
		return locked((connection, database, tables, rows, lock) -> {
			if (!purge) {
				requireKnown(rows);
			}
			boolean historyExists = false;
			if (this.settings.validateChecksums() && command != Command.STAMP) {
				Map<String, String> recorded = new HistoryTable(database, tables).checksumsIfExists(connection);
				historyExists = recorded != null;
				validate(rows, (recorded != null) ? recorded : Map.of());
			}
			MigrationPlan plan = planner.apply(rows);
			refuseIrreversible(plan, database);
			if (plan.steps().isEmpty() && !purge) {
				// Nothing to run (the usual startup check): no transaction, no second read of the rows,
				// and no probe of the history table (the checksum read above was it).
				return new MigrationResult(command, target, List.of(), rows, rows,
						Duration.ofNanos(System.nanoTime() - start));
			}
			// Only when there are steps to run: a run with nothing to do pays no round trip for it.
			boolean checkingClient = database.startRun(connection);
			List<StepResult> steps;
			List<String> after;
			try (VersionTable versions = new VersionTable(database, tables);
					HistoryTable history = new HistoryTable(database, tables)) {
				if (!historyExists) {
					// Still under the lock and in autocommit, before the first step's transaction.
					history.create(connection);
				}
				PlanExecutor executor = new PlanExecutor(database, versions, history, this.revisions,
						this.settings.listeners(), this.settings.actor(), this.settings.transactionPerRevision(),
						this.operations);
				steps = executor.execute(connection, plan, lock, purge);
				after = versions.read(connection);
				connection.commit();
			}
			finally {
				if (checkingClient) {
					endRun(connection, database);
				}
			}
			return new MigrationResult(command, target, steps, rows, after,
					Duration.ofNanos(System.nanoTime() - start));
		});
	}

	private void requireKnown(List<String> rows) {
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

	private void refuseIrreversible(MigrationPlan plan, Database database) {
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

	private static boolean reversible(ScriptBody body, Database database) {
		if (body instanceof SqlBody sql) {
			return sql.reversible(database.name());
		}
		return body.reversible();
	}

	public MigrationPlan planUpgrade(String target) {
		List<String> rows = readRows();
		requireKnown(rows);
		return this.graph.planUpgrade(rows, target);
	}

	public MigrationPlan planDowngrade(String target) {
		List<String> rows = readRows();
		requireKnown(rows);
		MigrationPlan plan = this.graph.planDowngrade(rows, target);
		refuseIrreversible(plan, offlineDatabase());
		return plan;
	}

	private List<String> readRows() {
		return withConnection((connection, database) -> new VersionTable(database, tables(database))
			.readIfExists(connection));
	}

	// ---- reading state ------------------------------------------------------------------------

	public List<String> current() {
		List<String> rows = readRows();
		requireKnown(rows);
		return this.graph.current(rows);
	}

	public MigrationStatus status() {
		return withConnection((connection, database) -> {
			TableNames tables = tables(database);
			List<String> rows = new VersionTable(database, tables).readIfExists(connection);
			HistoryTable.Recorded recorded = new HistoryTable(database, tables).recorded(connection);
			return status(rows, recorded);
		});
	}

	private MigrationStatus status(List<String> rows, HistoryTable.Recorded recorded) {
		List<String> known = rows.stream().filter(this.graph::contains).toList();
		List<String> unknown = rows.stream().filter((row) -> !this.graph.contains(row)).toList();
		Set<String> applied = this.graph.applied(known);
		List<String> pending = pending(known, applied);
		List<MigrationStatus.RevisionState> states = new ArrayList<>();
		for (String id : this.graph.history(null)) {
			states.add(new MigrationStatus.RevisionState(info(id), applied.contains(id), recorded.appliedAt().get(id)));
		}
		return new MigrationStatus(this.graph.current(known), this.graph.realHeads(), pending, unknown, states);
	}

	private List<String> pending(List<String> known, @Nullable Set<String> applied) {
		try {
			List<String> ids = new ArrayList<>();
			for (MigrationStep step : this.graph.planUpgrade(known, "heads").steps()) {
				if (step.direction() == Direction.UPGRADE && step.revision() != null) {
					ids.add(step.revision());
				}
			}
			return ids;
		}
		catch (RetortException ex) {
			// The rows cannot be planned from (e.g. overlapping): list what is not applied, oldest first.
			List<String> ids = new ArrayList<>(this.graph.history(null));
			Collections.reverse(ids);
			Set<String> done = (applied != null) ? applied : this.graph.applied(known);
			ids.removeIf(done::contains);
			return ids;
		}
	}

	public List<RevisionInfo> pending() {
		// Only the version rows are needed (not the history a full status() reads).
		List<String> rows = readRows();
		List<String> known = rows.stream().filter(this.graph::contains).toList();
		return infos(pending(known, null));
	}

	public List<AppliedStep> appliedHistory(int limit) {
		return withConnection((connection, database) -> new HistoryTable(database, tables(database))
			.newest(connection, limit));
	}

	// ---- checksums ----------------------------------------------------------------------------

	public void validate() {
		withConnection((connection, database) -> {
			TableNames tables = tables(database);
			List<String> rows = new VersionTable(database, tables).readIfExists(connection);
			requireKnown(rows);
			validate(rows, new HistoryTable(database, tables).checksums(connection));
			return null;
		});
	}

	/** Compares the applied revisions' files with {@code recorded}, the checksums in the history table. */
	private void validate(List<String> rows, Map<String, String> recorded) {
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

	public List<String> repair() {
		return locked((connection, database, tables, rows, lock) -> {
			requireKnown(rows);
			HistoryTable history = new HistoryTable(database, tables);
			history.create(connection);
			Map<String, String> recorded = history.recorded(connection).checksums();
			List<String> repaired = new ArrayList<>();
			connection.setAutoCommit(false);
			for (String id : this.graph.applied(rows)) {
				RunnableRevision revision = this.revisions.get(id);
				String now = (revision != null) ? revision.checksum() : null;
				if (now != null && !now.equals(recorded.get(id))) {
					history.insert(connection, new HistoryTable.Entry(id, Direction.REPAIR, now, Instant.now(),
							Duration.ZERO, Outcome.SUCCESS, this.settings.actor(), rows, rows,
							(recorded.get(id) != null) ? "checksum was " + recorded.get(id) : "no checksum recorded"));
					repaired.add(id);
				}
			}
			connection.commit();
			return repaired;
		});
	}

	// ---- offline SQL --------------------------------------------------------------------------

	public String upgradeSql(String range) {
		int colon = range.indexOf(':');
		List<String> start = (colon < 0) ? List.of() : startRows(range.substring(0, colon));
		String target = (colon < 0) ? range : range.substring(colon + 1);
		MigrationPlan plan = this.graph.planUpgrade(start, target.isEmpty() ? "heads" : target);
		return offline(plan, start.isEmpty());
	}

	public String downgradeSql(String range) {
		int colon = range.indexOf(':');
		if (colon < 0) {
			throw new RetortException(CoreErrorCode.INVALID_RANGE, "Offline downgrade needs a range"
					+ " <from>:<to> (for example 'heads:base' or 'b2:a1'), because there is no database to read the"
					+ " current revision from; got '" + range + "'");
		}
		List<String> start = startRows(range.substring(0, colon));
		MigrationPlan plan = this.graph.planDowngrade(start, range.substring(colon + 1));
		Database database = offlineDatabase();
		refuseIrreversible(plan, database);
		return offline(plan, false);
	}

	private List<String> startRows(String spec) {
		if (spec.isEmpty() || spec.equals("base")) {
			return List.of();
		}
		List<String> ids = new ArrayList<>(new LinkedHashSet<>(this.graph.resolve(spec)));
		ids.remove("base");
		ids.sort(null);
		return ids;
	}

	private String offline(MigrationPlan plan, boolean createVersionTable) {
		Database database = offlineDatabase();
		return new OfflineSql(database, tables(database), this.revisions, this.operations).render(plan,
				createVersionTable);
	}

	public String renderSql(String identifier, boolean upgrade) {
		String id = revision(identifier).id();
		Database database = offlineDatabase();
		RunnableRevision revision = this.revisions.get(id);
		if (!upgrade && !reversible(revision.body(), database)) {
			return "-- revision " + id + " (" + revision.source() + ") has no downgrade: it is irreversible\n";
		}
		return new OfflineSql(database, tables(database), this.revisions, this.operations).renderBody(revision,
				upgrade);
	}

	static boolean isJava(RunnableRevision revision) {
		return revision.body() instanceof JavaBody;
	}
}
