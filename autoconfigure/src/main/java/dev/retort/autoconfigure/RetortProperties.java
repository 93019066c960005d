package dev.retort.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Retort, under {@code retort.}.
 */
@ConfigurationProperties("retort")
public class RetortProperties {

	/**
	 * Whether to enable Retort: the engine bean and startup migration.
	 */
	private boolean enabled = true;

	/**
	 * Locations of revision files, searched in order; 'classpath:' (the default when no prefix is given)
	 * or 'filesystem:' prefixes.
	 */
	private List<String> locations = new ArrayList<>(Collections.singletonList("classpath:db/revisions"));

	/**
	 * Packages scanned for Java revisions ('Migration' classes annotated '@Revision') that are not
	 * Spring beans.
	 */
	private List<String> scanPackages = new ArrayList<>();

	/**
	 * Target of the startup upgrade, in any revision identifier form ('heads', 'head', an id, 'label@head',
	 * ...).
	 */
	private String target = "heads";

	/**
	 * What to do with the database at startup: 'upgrade' to the target, 'validate' that it is at the
	 * code's heads with unchanged checksums (startup fails otherwise), or 'none'.
	 */
	private OnStartup onStartup = OnStartup.UPGRADE;

	/**
	 * Name of the table holding the database's current heads.
	 */
	private String versionTable = "retort_version";

	/**
	 * Name of the table recording every step run.
	 */
	private String historyTable = "retort_history";

	/**
	 * Schema of the version and history tables. Defaults to the connection's current schema.
	 */
	private @Nullable String schema;

	/**
	 * JDBC URL of the database to migrate, for a separate DDL connection. Defaults to the application's
	 * DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user of the database to migrate. With 'retort.url' unset, the application's DataSource URL is
	 * used with this user.
	 */
	private @Nullable String user;

	/**
	 * Login password of the database to migrate.
	 */
	private @Nullable String password;

	/**
	 * Fully qualified name of the JDBC driver for 'retort.url'. Auto-detected from the URL by default.
	 */
	private @Nullable String driverClassName;

	/**
	 * Whether each revision commits in its own transaction with its version and history rows; false runs
	 * the whole migration in one transaction.
	 */
	private boolean transactionPerRevision = true;

	/**
	 * How long to wait for the migration lock held by another migrator before failing.
	 */
	private Duration lockTimeout = Duration.ofMinutes(1);

	/**
	 * Whether applied revisions' checksums are checked against their files before every run.
	 */
	private boolean validateChecksums = true;

	/**
	 * How many times to retry opening a migration connection that fails before the database has first
	 * answered, e.g. while the database of a container is still starting. 0 fails on the first error.
	 */
	private int connectRetries;

	/**
	 * The longest wait between connection retries. Waits start at 1 second and double up to this.
	 */
	private Duration connectRetriesInterval = Duration.ofSeconds(120);

	/**
	 * SQL statements run on every connection Retort opens, before it is used, in order (e.g. 'SET
	 * lock_timeout = 5000', 'SET ROLE migrator'). Settings stay on a pooled connection: prefer a separate
	 * migration connection (retort.url or retort.user) for them.
	 */
	private List<String> initSqls = new ArrayList<>();

	/**
	 * Whether to create 'retort.schema' when it does not exist, before the migration takes its lock. The
	 * creation is recorded in the history table, so that Retort.dropSchema() (CLI 'downgrade base
	 * --drop-schema') can drop it again.
	 */
	private boolean createSchemas = true;

	private final Actuator actuator = new Actuator();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public List<String> getScanPackages() {
		return this.scanPackages;
	}

	public void setScanPackages(List<String> scanPackages) {
		this.scanPackages = scanPackages;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(@Nullable String driverClassName) {
		this.driverClassName = driverClassName;
	}

	public boolean isTransactionPerRevision() {
		return this.transactionPerRevision;
	}

	public void setTransactionPerRevision(boolean transactionPerRevision) {
		this.transactionPerRevision = transactionPerRevision;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public boolean isCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	public Actuator getActuator() {
		return this.actuator;
	}

	/** What Retort does with the database when the application starts. */
	public enum OnStartup {

		/** Upgrade to {@code retort.target}. */
		UPGRADE,

		/** Fail unless the database is at the code's heads and every applied checksum matches. */
		VALIDATE,

		/** Leave the database alone. */
		NONE

	}

	/** Settings of the Actuator {@code migrations} endpoint. */
	public static class Actuator {

		private final Downgrade downgrade = new Downgrade();

		public Downgrade getDowngrade() {
			return this.downgrade;
		}

	}

	/** Settings of the Actuator endpoint's downgrade operation. */
	public static class Downgrade {

		/**
		 * Whether the Actuator 'migrations' endpoint may run a downgrade (it must also be given
		 * unrestricted access).
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
