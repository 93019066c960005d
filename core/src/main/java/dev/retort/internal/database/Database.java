package dev.retort.internal.database;

import java.sql.Connection;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.internal.catalog.CatalogReader;

/**
 * One database engine, everything Retort knows about it in one place: its {@link SqlDialect}
 * (quoting, types, literals, the SQL of the version and history tables), its {@link SqlRenderer}
 * for the Operations DSL, its migration lock, whether its DDL is transactional, and what it does
 * differently when running revisions. Each engine has one subclass in its own package
 * ({@code internal.database.postgresql}, {@code .mysql}, {@code .h2}); {@link Databases} finds the
 * right one once, from a JDBC URL, a connection's metadata or a configured name. Nothing outside
 * the database packages asks which engine it is: it asks the {@code Database}.
 */
public abstract class Database {

	private final SqlDialect dialect;

	private final SqlRenderer renderer;

	protected Database(SqlDialect dialect) {
		this.dialect = dialect;
		this.renderer = dialect.newRenderer();
	}

	/** The dialect: quoting, types, literals and the SQL of Retort's own tables. */
	public final SqlDialect dialect() {
		return this.dialect;
	}

	/** The renderer of the Operations DSL for this database. */
	public final SqlRenderer renderer() {
		return this.renderer;
	}

	/** The name dialect sections use ({@code postgresql}, {@code h2}, {@code mysql}, {@code mariadb}). */
	public final String name() {
		return this.dialect.name();
	}

	/** A readable product name for messages ({@code PostgreSQL}). */
	public abstract String displayName();

	/** Whether a failed revision's DDL rolls back with its transaction (the dialect's answer). */
	public boolean transactionalDdl() {
		return this.dialect.transactionalDdl();
	}

	/** Whether a JDBC batch of statements goes to the server in one round trip (the dialect's answer). */
	public boolean pipelinesStatementBatches() {
		return this.dialect.pipelinesStatementBatches();
	}

	/**
	 * The lock that keeps two migrators apart on this database.
	 * @param request the tables and settings the lock is for
	 */
	public abstract MigrationLock lock(LockRequest request);

	/**
	 * Whether a step's version-row change and its history row go to the database as one statement
	 * (PostgreSQL: a data-modifying {@code WITH}), saving a round trip per step.
	 */
	public boolean combinesStepRecords() {
		return false;
	}

	/**
	 * Whether Retort asks the catalog whether its tables exist before reading them, instead of
	 * reading and catching "table does not exist". MariaDB's driver logs every error packet as a
	 * warning, so on MySQL/MariaDB a first run would print driver noise; elsewhere the failed read is
	 * silent and saves a round trip.
	 */
	public boolean probesTablesFirst() {
		return false;
	}

	/**
	 * Indexes named in {@code statements} that the database marks as invalid (PostgreSQL: an
	 * interrupted {@code CREATE INDEX CONCURRENTLY} leaves one with {@code pg_index.indisvalid = false}).
	 * Empty where the database has no such state or cannot be asked.
	 */
	public java.util.List<String> invalidIndexes(Connection connection, java.util.List<String> statements) {
		return java.util.List.of();
	}

	/**
	 * Prepares a connection before a run with steps to run. PostgreSQL 14+ makes the server check
	 * that the client is still there, so the backend of a killed migrator stops its statement and
	 * releases its locks.
	 * @return whether {@link #endRun(Connection)} must undo something
	 */
	public boolean startRun(Connection connection) {
		return false;
	}

	/**
	 * Undoes {@link #startRun(Connection)} (called only if it returned {@code true}), with the
	 * connection back in autocommit and nothing open.
	 */
	public void endRun(Connection connection) {
	}

	/**
	 * Fills in what this database's DDL needs and a revision need not say, read from the catalog
	 * (MySQL: a column's full definition, an index's table, a constraint's kind).
	 */
	public SchemaOperation complete(Connection connection, SchemaOperation operation) {
		return operation;
	}

	/**
	 * Why {@code operation} cannot run on this connection now, or {@code null} if it can (PostgreSQL:
	 * {@code CREATE INDEX CONCURRENTLY} inside a transaction).
	 * @throws RetortException {@code DATABASE_ERROR} if the connection cannot be asked
	 */
	public @Nullable String refusal(SchemaOperation operation, Connection connection) {
		return null;
	}

	/**
	 * Runs one completed operation on {@code connection}, inside the caller's transaction: by
	 * default the {@link #renderer() renderer's} statements, each handed to {@code statements}
	 * (which logs, runs and reports a failing one). An engine whose DDL depends on what is in the
	 * database overrides it (SQLite's batch mode reads the table's definition, rebuilds the table
	 * and checks the foreign keys after).
	 * @param statements runs one statement
	 */
	public void execute(Connection connection, SchemaOperation operation, Consumer<String> statements) {
		this.renderer.render(operation).forEach(statements);
	}

	/**
	 * The reader of this database's catalog into a schema snapshot (autogenerate, check, and
	 * {@code Retort.schemaState()}), with a handful of bulk queries whatever the number of tables.
	 */
	public abstract CatalogReader catalogReader();

	/**
	 * How this database makes the throwaway databases of autogenerate and check.
	 * @param url the JDBC URL of the scratch server (any database of it)
	 * @throws RetortException {@code SCRATCH_DATABASE_UNAVAILABLE} when the URL cannot name scratch
	 * databases
	 */
	public abstract ScratchHost scratchHost(String url);

	/**
	 * A private, empty, in-process database of this engine that offline rendering runs its
	 * statements on, for an engine whose DDL depends on what is in the database (SQLite's batch mode
	 * reads the table's definition); {@code null}, the default, where an operation's SQL follows
	 * from the operation alone.
	 */
	public @Nullable Connection openShadow() {
		return null;
	}

	/**
	 * Copies the schema of {@code source} (tables, indexes, triggers, views; no rows) into a
	 * {@link #openShadow() shadow} database. Only called where {@code openShadow} gives one.
	 */
	public void copySchema(Connection source, Connection shadow) {
		throw new UnsupportedOperationException(displayName() + " renders offline without a copy of the schema");
	}

	/** Validates and quotes a possibly schema-qualified name. */
	public final String quote(QualifiedName name, String origin) {
		return this.dialect.quote(name, origin);
	}

	/** A literal for offline SQL. */
	public final String literal(@Nullable String value) {
		return this.dialect.literal(value);
	}

	/** The statement that opens a transaction in an offline script. */
	public final String begin() {
		return this.dialect.beginTransactionSql();
	}

	/** The statement that commits a transaction in an offline script. */
	public final String commit() {
		return this.dialect.commitSql();
	}

	@Override
	public String toString() {
		return this.dialect.toString();
	}
}
