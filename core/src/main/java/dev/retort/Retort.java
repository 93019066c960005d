package dev.retort;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.retort.internal.execution.ConnectAheadDataSource;
import dev.retort.internal.execution.Engine;
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

	private final Engine engine;

	Retort(RetortConfiguration configuration) {
		DataSource dataSource = configuration.dataSource;
		if (dataSource != null && configuration.connectAhead) {
			// Opened while the revisions are read below; the first database operation takes it.
			dataSource = ConnectAheadDataSource.start(dataSource);
		}
		EngineSettings settings = new EngineSettings(dataSource, configuration.dialect,
				configuration.versionTable, configuration.historyTable, configuration.schema,
				configuration.transactionPerRevision, configuration.lockTimeout, configuration.lockExpiry,
				configuration.validateChecksums, configuration.listeners, configuration.actor);
		RevisionLoader loader = new RevisionLoader(configuration.classLoader);
		this.engine = new Engine(settings,
				loader.load(configuration.locations, configuration.javaMigrations, configuration.scanPackages));
	}

	private Retort(Engine engine) {
		this.engine = engine;
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
		return new Retort(this.engine.withActor(actor));
	}

	/**
	 * A copy of this instance that waits at most {@code lockTimeout} for the migration lock (for
	 * example {@link Duration#ZERO} to refuse at once when another migrator runs).
	 */
	public Retort withLockTimeout(Duration lockTimeout) {
		return new Retort(this.engine.withLockTimeout(lockTimeout));
	}

	/** Upgrades the database to {@code target}. */
	public MigrationResult upgrade(String target) {
		return this.engine.upgrade(target);
	}

	/** Downgrades the database to {@code target}. */
	public MigrationResult downgrade(String target) {
		return this.engine.downgrade(target);
	}

	/**
	 * Downgrades the database to {@code target} once {@code approval} accepts the plan. The approval
	 * is called under the migration lock with the plan made from the version rows read under it,
	 * before any step runs, so the steps it approved are the steps that run; it refuses by throwing
	 * (the exception propagates and nothing runs). Irreversible revisions are refused after approval,
	 * also before anything runs.
	 */
	public MigrationResult downgrade(String target, Consumer<MigrationPlan> approval) {
		return this.engine.downgrade(target, approval);
	}

	/**
	 * Sets the version table to {@code targets} without running any revision. With {@code purge},
	 * every row is deleted first, including rows the code does not know.
	 */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		return this.engine.stamp(targets, purge);
	}

	/** The plan {@code upgrade target} would run now, without running it. */
	public MigrationPlan planUpgrade(String target) {
		return this.engine.planUpgrade(target);
	}

	/** The plan {@code downgrade target} would run now, without running it. */
	public MigrationPlan planDowngrade(String target) {
		return this.engine.planDowngrade(target);
	}

	/** The database's current revisions, as {@code alembic current} lists them. */
	public List<String> current() {
		return this.engine.current();
	}

	/** The code's heads, in load order (what {@code alembic heads} prints). */
	public List<RevisionInfo> heads() {
		return this.engine.heads();
	}

	/** Revisions with several children, in load order. */
	public List<RevisionInfo> branches() {
		return this.engine.branches();
	}

	/** Revisions newest first, for the whole graph ({@code range == null}) or a range {@code a:b}. */
	public List<RevisionInfo> history(@Nullable String range) {
		return this.engine.history(range);
	}

	/** One revision, by any identifier form that names exactly one. */
	public RevisionInfo revision(String identifier) {
		return this.engine.revision(identifier);
	}

	/** Revisions {@code upgrade heads} would apply now, in apply order. */
	public List<RevisionInfo> pending() {
		return this.engine.pending();
	}

	/** Where the database stands against the code, in one read. */
	public MigrationStatus status() {
		return this.engine.status();
	}

	/** Rows of the history table, newest first, at most {@code limit}. */
	public List<AppliedStep> appliedHistory(int limit) {
		return this.engine.appliedHistory(limit);
	}

	/**
	 * Checks applied revisions' checksums against the files.
	 * @throws RetortException with {@code CHECKSUM_MISMATCH} naming every changed revision
	 */
	public void validate() {
		this.engine.validate();
	}

	/** Re-records the checksums of applied revisions from the files, on purpose. Returns the ids changed. */
	public List<String> repair() {
		return this.engine.repair();
	}

	/** Offline SQL for {@code upgrade range} ({@code a:b}, or a target from base). */
	public String upgradeSql(String range) {
		return this.engine.upgradeSql(range);
	}

	/** Offline SQL for {@code downgrade range} ({@code a:b}). */
	public String downgradeSql(String range) {
		return this.engine.downgradeSql(range);
	}

	/**
	 * One revision's upgrade or downgrade SQL as rendered for the configured database (without
	 * transaction control or version rows). A revision without downgrade renders as a comment saying so.
	 */
	public String renderSql(String identifier, boolean upgrade) {
		return this.engine.renderSql(identifier, upgrade);
	}
}
