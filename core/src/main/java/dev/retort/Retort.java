package dev.retort;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.retort.internal.autogen.Autogenerator;
import dev.retort.internal.command.DowngradeCommand;
import dev.retort.internal.command.DropSchemaCommand;
import dev.retort.internal.command.HistoryCommand;
import dev.retort.internal.command.OfflineSqlCommand;
import dev.retort.internal.command.RepairCommand;
import dev.retort.internal.command.ResolveCommand;
import dev.retort.internal.command.SchemaStateCommand;
import dev.retort.internal.command.StampCommand;
import dev.retort.internal.command.StatusCommand;
import dev.retort.internal.command.UpgradeCommand;
import dev.retort.internal.command.ValidateCommand;
import dev.retort.internal.execution.ConnectAheadDataSource;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.EngineSettings;
import dev.retort.internal.script.RevisionLoader;

/**
 * Retort's façade: the one door to the engine. Built with {@link #configure()}; immutable and
 * thread-safe once loaded. Targets take every Alembic identifier form: {@code head}, {@code heads},
 * {@code base}, ids and unique prefixes, {@code label@head}, {@code label@base}, {@code +N},
 * {@code -N}, {@code rev+N}, {@code label@-N}, and ranges {@code a:b} where a range makes sense.
 * <p>
 * Operations that need a database fail with {@link CoreErrorCode#NO_DATABASE} when none is configured;
 * graph operations ({@link #heads()}, {@link #branches()}, {@link #history(String)},
 * {@link #revision(String)}) work without one.
 */
public final class Retort {

	/** Who a scratch database's replay is recorded as, in that database's own history table. */
	private static final String REPLAY_ACTOR = "retort-autogenerate";

	private final EngineContext context;

	private final Autogenerator autogenerator;

	Retort(RetortConfiguration configuration) {
		DataSource dataSource = configuration.dataSource;
		if (dataSource != null && configuration.connectAhead) {
			// Opened while the revisions are read below; the first database operation takes it.
			dataSource = ConnectAheadDataSource.start(dataSource);
		}
		EngineSettings settings = new EngineSettings(dataSource, configuration.dialect,
				configuration.versionTable, configuration.historyTable, configuration.schema,
				configuration.transactionPerRevision, configuration.lockTimeout, configuration.lockExpiry,
				configuration.validateChecksums, configuration.listeners, configuration.actor,
				configuration.createSchemas);
		RevisionLoader loader = new RevisionLoader(configuration.classLoader, configuration.locationScanner);
		this.context = new EngineContext(settings,
				loader.load(configuration.locations, configuration.javaMigrations, configuration.scanPackages));
		this.autogenerator = new Autogenerator(configuration.ownServer, List.copyOf(configuration.locations),
				Set.of(configuration.versionTable, configuration.historyTable, configuration.versionTable + "_lock"),
				// The revisions already loaded, replayed on the scratch database: not read again.
				(scratch) -> new UpgradeCommand(this.context.onScratch(scratch, REPLAY_ACTOR)).run("heads"),
				() -> heads().stream().map(RevisionInfo::id).toList(), (identifier) -> revision(identifier).id());
	}

	private Retort(EngineContext context, Autogenerator autogenerator) {
		this.context = context;
		this.autogenerator = autogenerator;
	}

	/** Starts a configuration using the thread's context class loader. */
	public static RetortConfiguration configure() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		return new RetortConfiguration((loader != null) ? loader : Retort.class.getClassLoader());
	}

	/** Starts a configuration using the given class loader. */
	public static RetortConfiguration configure(ClassLoader classLoader) {
		return new RetortConfiguration(classLoader);
	}

	/** A copy of this instance that records {@code actor} in the history table. */
	public Retort withActor(String actor) {
		return new Retort(this.context.withActor(actor), this.autogenerator);
	}

	/**
	 * A copy of this instance that waits at most {@code lockTimeout} for the migration lock (for
	 * example {@link Duration#ZERO} to refuse at once when another migrator runs).
	 */
	public Retort withLockTimeout(Duration lockTimeout) {
		return new Retort(this.context.withLockTimeout(lockTimeout), this.autogenerator);
	}

	/** Upgrades the database to {@code target}. */
	public MigrationResult upgrade(String target) {
		return new UpgradeCommand(this.context).run(target);
	}

	/** Downgrades the database to {@code target}. */
	public MigrationResult downgrade(String target) {
		return new DowngradeCommand(this.context).run(target);
	}

	/**
	 * Downgrades the database to {@code target} once {@code approval} accepts the plan. The approval
	 * is called under the migration lock with the plan made from the version rows read under it,
	 * before any step runs, so the steps it approved are the steps that run; it refuses by throwing
	 * (the exception propagates and nothing runs). Irreversible revisions are refused after approval,
	 * also before anything runs.
	 */
	public MigrationResult downgrade(String target, Consumer<MigrationPlan> approval) {
		return new DowngradeCommand(this.context).run(target, approval);
	}

	/**
	 * Sets the version table to {@code targets} without running any revision. With {@code purge},
	 * every row is deleted first, including rows the code does not know.
	 */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		return new StampCommand(this.context).run(targets, purge);
	}

	/** The plan {@code upgrade target} would run now, without running it. */
	public MigrationPlan planUpgrade(String target) {
		return new UpgradeCommand(this.context).plan(target);
	}

	/** The plan {@code downgrade target} would run now, without running it. */
	public MigrationPlan planDowngrade(String target) {
		return new DowngradeCommand(this.context).plan(target);
	}

	/** The database's current revisions, as {@code alembic current} lists them. */
	public List<String> current() {
		return new StatusCommand(this.context).current();
	}

	/** The code's heads, in load order (what {@code alembic heads} prints). */
	public List<RevisionInfo> heads() {
		return new HistoryCommand(this.context).heads();
	}

	/** Revisions with several children, in load order. */
	public List<RevisionInfo> branches() {
		return new HistoryCommand(this.context).branches();
	}

	/** Revisions newest first, for the whole graph ({@code range == null}) or a range {@code a:b}. */
	public List<RevisionInfo> history(@Nullable String range) {
		return new HistoryCommand(this.context).history(range);
	}

	/** One revision, by any identifier form that names exactly one. */
	public RevisionInfo revision(String identifier) {
		return new HistoryCommand(this.context).revision(identifier);
	}

	/**
	 * The schema of the database as it stands, read in bulk (a handful of catalog queries), without
	 * Retort's own tables: compare two states with {@link SchemaState#differencesFrom(SchemaState)}.
	 * The migration test kit ({@code retort-test}) uses it to prove that each downgrade undoes its
	 * upgrade.
	 */
	public SchemaState schemaState() {
		return new SchemaState(new SchemaStateCommand(this.context).snapshot());
	}

	/**
	 * Whether a revision has a downgrade for the configured database (a SQL revision without a
	 * {@code -- +downgrade} section for it, or a Java revision that does not override
	 * {@link Migration#downgrade(Operations)}, is irreversible).
	 */
	public boolean hasDowngrade(String identifier) {
		return new SchemaStateCommand(this.context).hasDowngrade(identifier);
	}

	/** Revisions {@code upgrade heads} would apply now, in apply order. */
	public List<RevisionInfo> pending() {
		return new StatusCommand(this.context).pending();
	}

	/** Where the database stands against the code, in one read. */
	public MigrationStatus status() {
		return new StatusCommand(this.context).status();
	}

	/** Rows of the history table, newest first, at most {@code limit}. */
	public List<AppliedStep> appliedHistory(int limit) {
		return new HistoryCommand(this.context).applied(limit);
	}

	/**
	 * Drops the configured {@link RetortConfiguration#schema(String) schema} again, the way back from
	 * {@link RetortConfiguration#createSchemas(boolean) create-schemas}: run it after {@code downgrade("base")}.
	 * It drops only a schema whose creation Retort recorded, only at base, and only when nothing but
	 * Retort's version, history and lock tables is in it; those tables go with it, the history included.
	 * @return the schema dropped
	 * @throws RetortException {@link CoreErrorCode#SCHEMA_NOT_DROPPABLE} naming what stands in the way
	 *         (nothing is changed then)
	 */
	public String dropSchema() {
		return new DropSchemaCommand(this.context).run();
	}

	/**
	 * Checks applied revisions' checksums against the files.
	 * @throws RetortException with {@code CHECKSUM_MISMATCH} naming every changed revision
	 */
	public void validate() {
		new ValidateCommand(this.context).run();
	}

	/** Re-records the checksums of applied revisions from the files, on purpose. Returns the ids changed. */
	public List<String> repair() {
		return new RepairCommand(this.context).run();
	}

	/**
	 * Resolves an interrupted revision (see {@link InterruptedRevision}), on purpose, after the
	 * operator has dealt with its partial work by hand: {@link Resolution#ROLLED_BACK} when it was
	 * undone (the next upgrade runs the revision again), {@link Resolution#APPLIED} when it was
	 * completed (the revision is marked applied, version rows as {@code stamp} would set them).
	 * Recorded in the history table with the actor.
	 * @param revision an identifier naming the interrupted revision
	 * @return the interrupted attempt that was resolved
	 * @throws RetortException {@code NOT_INTERRUPTED} if the revision has no interrupted attempt
	 */
	public InterruptedRevision resolve(String revision, Resolution resolution) {
		return new ResolveCommand(this.context).run(revision, resolution);
	}

	/** Offline SQL for {@code upgrade range} ({@code a:b}, or a target from base). */
	public String upgradeSql(String range) {
		return new OfflineSqlCommand(this.context).upgrade(range);
	}

	/**
	 * Offline SQL for {@code stamp targets...}: the version-row changes only (from base, with the
	 * version table's DDL). A target may be a range {@code from:to} to stamp from {@code from} rather
	 * than base; all ranges must share one start, as in Alembic.
	 */
	public String stampSql(List<String> targets) {
		return new OfflineSqlCommand(this.context).stamp(targets);
	}

	/** Offline SQL for {@code downgrade range} ({@code a:b}). */
	public String downgradeSql(String range) {
		return new OfflineSqlCommand(this.context).downgrade(range);
	}

	/**
	 * One revision's upgrade or downgrade SQL as rendered for the configured database (without
	 * transaction control or version rows). A revision without downgrade renders as a comment saying so.
	 */
	public String renderSql(String identifier, boolean upgrade) {
		return new OfflineSqlCommand(this.context).revision(identifier, upgrade);
	}

	/**
	 * Compares the model with the revisions ({@code alembic check}): the revisions are replayed base
	 * to heads into one throwaway database on the server of this Retort's own URL (given to
	 * {@link RetortConfiguration#dataSource(String, String, String)}), the model created in another,
	 * and both read back and compared. The application's database is not connected to; the
	 * throwaway databases are dropped before this returns or fails.
	 * @throws RetortException {@link CoreErrorCode#INVALID_CONFIGURATION} without a URL (use
	 * {@link #checkModel(DesiredSchema, ScratchOptions)}), or as the other overload
	 */
	public ModelCheckResult checkModel(DesiredSchema model) {
		return this.autogenerator.check(model, null);
	}

	/**
	 * Compares the model with the revisions on the given scratch server; see
	 * {@link #checkModel(DesiredSchema)}.
	 * @throws RetortException {@link CoreErrorCode#SCRATCH_DATABASE_UNAVAILABLE},
	 * {@link CoreErrorCode#MODEL_SCRIPT_FAILED} naming the model statement's file and line, or the error
	 * of a revision that fails during the replay, naming it and its statement
	 */
	public ModelCheckResult checkModel(DesiredSchema model, ScratchOptions scratch) {
		return this.autogenerator.check(model, scratch);
	}

	/**
	 * Writes the revision that takes the revisions' schema to the model ({@code alembic revision
	 * --autogenerate}): compared as {@link #checkModel(DesiredSchema)} does, rendered for the
	 * scratch engine, and verified before anything is written (its upgrade applied to the replayed
	 * database must give the model, its downgrade the replayed schema again). Changes to review are
	 * marked {@code REVIEW:} in the file and returned as warnings. When the revisions already give
	 * the model, nothing is written.
	 * @throws RetortException {@link CoreErrorCode#MULTIPLE_HEADS} with several heads and no
	 * {@link AutogenerateOptions#head()}, {@link CoreErrorCode#AUTOGENERATE_UNVERIFIED} when the change
	 * cannot be expressed, or as {@link #checkModel(DesiredSchema, ScratchOptions)}
	 */
	public GeneratedRevision autogenerate(DesiredSchema model, AutogenerateOptions options) {
		return this.autogenerator.generate(model, options);
	}
}
