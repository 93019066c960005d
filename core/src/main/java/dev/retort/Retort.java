package dev.retort;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Retort's façade: the one door to the engine. Built with {@link #configure()}; immutable and
 * thread-safe once loaded. Targets take every Alembic identifier form: {@code head}, {@code heads},
 * {@code base}, ids and unique prefixes, {@code label@head}, {@code label@base}, {@code +N},
 * {@code -N}, {@code rev+N}, {@code label@-N}, and ranges {@code a:b} where a range makes sense.
 */
public final class Retort {

	Retort(RetortConfiguration configuration) {
		throw new UnsupportedOperationException("engine not wired yet");
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
		throw new UnsupportedOperationException();
	}

	/** Upgrades the database to {@code target}. */
	public MigrationResult upgrade(String target) {
		throw new UnsupportedOperationException();
	}

	/** Downgrades the database to {@code target}. */
	public MigrationResult downgrade(String target) {
		throw new UnsupportedOperationException();
	}

	/** Sets the version table to {@code targets} without running any revision. */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		throw new UnsupportedOperationException();
	}

	/** The plan {@code upgrade target} would run now, without running it. */
	public dev.retort.graph.MigrationPlan planUpgrade(String target) {
		throw new UnsupportedOperationException();
	}

	/** The plan {@code downgrade target} would run now, without running it. */
	public dev.retort.graph.MigrationPlan planDowngrade(String target) {
		throw new UnsupportedOperationException();
	}

	/** The database's current revisions, as {@code alembic current} lists them. */
	public List<String> current() {
		throw new UnsupportedOperationException();
	}

	/** The code's heads, in load order (what {@code alembic heads} prints). */
	public List<RevisionInfo> heads() {
		throw new UnsupportedOperationException();
	}

	/** Revisions with several children, in load order. */
	public List<RevisionInfo> branches() {
		throw new UnsupportedOperationException();
	}

	/** Revisions newest first, for the whole graph ({@code range == null}) or a range {@code a:b}. */
	public List<RevisionInfo> history(@Nullable String range) {
		throw new UnsupportedOperationException();
	}

	/** One revision, by any identifier form that names exactly one. */
	public RevisionInfo revision(String identifier) {
		throw new UnsupportedOperationException();
	}

	/** Revisions {@code upgrade heads} would apply now, in apply order. */
	public List<RevisionInfo> pending() {
		throw new UnsupportedOperationException();
	}

	/** Where the database stands against the code, in one read. */
	public MigrationStatus status() {
		throw new UnsupportedOperationException();
	}

	/** Rows of the history table, newest first, at most {@code limit}. */
	public List<AppliedStep> appliedHistory(int limit) {
		throw new UnsupportedOperationException();
	}

	/**
	 * Checks applied revisions' checksums against the files.
	 * @throws RetortException with {@code CHECKSUM_MISMATCH} naming every changed revision
	 */
	public void validate() {
		throw new UnsupportedOperationException();
	}

	/** Re-records the checksums of applied revisions from the files, on purpose. Returns the ids changed. */
	public List<String> repair() {
		throw new UnsupportedOperationException();
	}

	/** Offline SQL for {@code upgrade range} ({@code a:b}, or a target from base). */
	public String upgradeSql(String range) {
		throw new UnsupportedOperationException();
	}

	/** Offline SQL for {@code downgrade range} ({@code a:b}). */
	public String downgradeSql(String range) {
		throw new UnsupportedOperationException();
	}

	/** One revision's upgrade and downgrade SQL as rendered for the configured database. */
	public String renderSql(String identifier, boolean upgrade) {
		throw new UnsupportedOperationException();
	}
}
