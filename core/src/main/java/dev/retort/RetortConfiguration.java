package dev.retort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Fluent configuration for {@link Retort}: {@code Retort.configure().dataSource(ds).load()}.
 * Mutable while being built; {@link #load()} takes a snapshot, so the {@link Retort} it returns
 * is immutable.
 */
public final class RetortConfiguration {

	// The defaults, in one place: the Spring Boot properties and the CLI document the same values
	// (autoconfigure's RetortPropertiesTests checks that they agree).

	/** Where revisions are found unless {@link #locations(String...)} says otherwise. */
	public static final String DEFAULT_LOCATION = "classpath:db/revisions";

	/** The version table's name. */
	public static final String DEFAULT_VERSION_TABLE = "retort_version";

	/** The history table's name. */
	public static final String DEFAULT_HISTORY_TABLE = "retort_history";

	/** Each revision in its own transaction. */
	public static final boolean DEFAULT_TRANSACTION_PER_REVISION = true;

	/** How long to wait for another migrator's lock. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(1);

	/** How long a lock row lives without a heartbeat (databases without a session lock). */
	public static final Duration DEFAULT_LOCK_EXPIRY = Duration.ofSeconds(30);

	/** Applied revisions' checksums are checked before every run. */
	public static final boolean DEFAULT_VALIDATE_CHECKSUMS = true;

	/** Default of {@link #createSchemas(boolean)}: a configured schema that is missing is created. */
	public static final boolean DEFAULT_CREATE_SCHEMAS = true;

	/** The target an application upgrades to when none is given: every head. */
	public static final String DEFAULT_TARGET = "heads";

	@Nullable DataSource dataSource;

	List<String> locations = new ArrayList<>(List.of(DEFAULT_LOCATION));

	List<Migration> javaMigrations = new ArrayList<>();

	List<String> scanPackages = new ArrayList<>();

	ClassLoader classLoader;

	String versionTable = DEFAULT_VERSION_TABLE;

	String historyTable = DEFAULT_HISTORY_TABLE;

	@Nullable String schema;

	boolean transactionPerRevision = DEFAULT_TRANSACTION_PER_REVISION;

	Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

	boolean validateChecksums = DEFAULT_VALIDATE_CHECKSUMS;

	boolean createSchemas = DEFAULT_CREATE_SCHEMAS;

	List<MigrationListener> listeners = new ArrayList<>();

	String actor = defaultActor();

	@Nullable String dialect;

	Duration lockExpiry = DEFAULT_LOCK_EXPIRY;

	boolean connectAhead = true;

	@Nullable LocationScanner locationScanner;

	/** The URL, user and password given to {@link #dataSource(String, String, String)}: the default scratch server. */
	@Nullable ScratchOptions ownServer;

	RetortConfiguration(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/** The database to migrate. Without one, only graph operations (heads, history, ...) work. */
	public RetortConfiguration dataSource(@Nullable DataSource dataSource) {
		this.dataSource = dataSource;
		this.ownServer = null;
		return this;
	}

	/**
	 * The database to migrate, by JDBC URL, through {@link java.sql.DriverManager} without a pool
	 * (the driver must be on the class path).
	 */
	public RetortConfiguration dataSource(String url, @Nullable String user, @Nullable String password) {
		dataSource(new dev.retort.internal.execution.DriverManagerDataSource(url, user, password));
		this.ownServer = new ScratchOptions(url, user, password);
		return this;
	}

	/**
	 * Where revision files live, searched in this order: {@code classpath:db/revisions},
	 * {@code filesystem:/path}. A location without prefix is a classpath location.
	 */
	public RetortConfiguration locations(String... locations) {
		return locations(List.of(locations));
	}

	/** See {@link #locations(String...)}. */
	public RetortConfiguration locations(List<String> locations) {
		this.locations = new ArrayList<>(locations);
		return this;
	}

	/** Java revisions given as instances (Spring passes its {@code Migration} beans here). */
	public RetortConfiguration javaMigrations(List<? extends Migration> migrations) {
		this.javaMigrations = new ArrayList<>(migrations);
		return this;
	}

	/** Packages scanned for {@link Migration} classes annotated {@link Revision} (outside Spring). */
	public RetortConfiguration scanPackages(String... packages) {
		this.scanPackages = new ArrayList<>(List.of(packages));
		return this;
	}

	/** The class loader for {@code classpath:} locations and package scanning. */
	public RetortConfiguration classLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
		return this;
	}

	/** Name of the table holding the current heads (default {@code retort_version}). */
	public RetortConfiguration versionTable(String versionTable) {
		this.versionTable = versionTable;
		return this;
	}

	/** Name of the table recording every step run (default {@code retort_history}). */
	public RetortConfiguration historyTable(String historyTable) {
		this.historyTable = historyTable;
		return this;
	}

	/** Schema of the version and history tables (default: the connection's current schema). */
	public RetortConfiguration schema(@Nullable String schema) {
		this.schema = schema;
		return this;
	}

	/**
	 * Whether {@code upgrade}, {@code downgrade} and {@code stamp} create the configured {@link #schema(String)}
	 * when it is missing (default {@code true}), before taking the lock, with {@code CREATE SCHEMA IF NOT EXISTS}
	 * (on MySQL and MariaDB a schema is a database). The creation is recorded in the history table (direction
	 * {@code create-schema}), which is what lets {@link Retort#dropSchema()} drop it again after a downgrade to
	 * base. With {@code false} a missing schema fails the run with the database's error.
	 */
	public RetortConfiguration createSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
		return this;
	}

	/**
	 * {@code true} (default): each revision commits on its own with its version and history rows;
	 * {@code false}: one transaction for the whole run.
	 */
	public RetortConfiguration transactionPerRevision(boolean transactionPerRevision) {
		this.transactionPerRevision = transactionPerRevision;
		return this;
	}

	/** How long to wait for the migration lock before failing with {@code LOCK_TIMEOUT}. */
	public RetortConfiguration lockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
		return this;
	}

	/** Whether applied revisions' checksums are checked before every upgrade and downgrade. */
	public RetortConfiguration validateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
		return this;
	}

	/** Adds a listener told about every step. */
	public RetortConfiguration listener(MigrationListener listener) {
		this.listeners.add(listener);
		return this;
	}

	/** Who runs the migrations, as recorded in the history table (default: the OS user). */
	public RetortConfiguration actor(String actor) {
		this.actor = actor;
		return this;
	}

	/**
	 * The database dialect ({@code postgresql}, {@code h2}, {@code mysql}, {@code mariadb}) for
	 * offline SQL without a DataSource. With a DataSource it is detected and this need not be set.
	 */
	public RetortConfiguration dialect(@Nullable String dialect) {
		this.dialect = dialect;
		return this;
	}

	/**
	 * How long a lock row lives without a heartbeat, on databases without session locks (H2): a
	 * migrator that crashed releases the lock after this long (default 30 s). The holder refreshes
	 * it every third of this time.
	 */
	public RetortConfiguration lockExpiry(Duration lockExpiry) {
		this.lockExpiry = lockExpiry;
		return this;
	}

	/**
	 * Whether {@link #load()} starts opening the first database connection on a background thread
	 * while it reads the revisions (default {@code true}): the first operation that needs the
	 * database then finds it open, so a start-up migration run waits for the slower of the two
	 * rather than for both. The connection is closed if no operation uses it within a minute. Turn
	 * it off when the loaded instance may never touch the database (graph-only use with a
	 * DataSource configured).
	 */
	public RetortConfiguration connectAhead(boolean connectAhead) {
		this.connectAhead = connectAhead;
		return this;
	}

	/**
	 * Lists revision locations with an integration's resolver instead of the engine's own listing
	 * (the engine still lists a location the scanner returns {@code null} for). Spring Boot's
	 * auto-configuration sets one backed by Spring's resource resolver.
	 */
	public RetortConfiguration locationScanner(@Nullable LocationScanner locationScanner) {
		this.locationScanner = locationScanner;
		return this;
	}

	/**
	 * Loads the revisions and builds the graph (and, with {@link #connectAhead(boolean)}, starts
	 * opening the first connection meanwhile).
	 * @throws RetortException if a revision is malformed or the graph is invalid
	 */
	public Retort load() {
		return new Retort(this);
	}

	private static String defaultActor() {
		String user = System.getProperty("user.name");
		return (user != null && !user.isBlank()) ? user : "retort";
	}
}
