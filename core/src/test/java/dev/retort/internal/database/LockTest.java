package dev.retort.internal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.CoreErrorCode;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.engine.DatabaseState;
import dev.retort.engine.RevisionFiles;
import dev.retort.internal.database.mysql.MySqlNamedLock;
import dev.retort.internal.database.postgresql.PostgresAdvisoryLock;
import dev.retort.testing.CountingDataSource;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration lock's timeout names the holder; an expired lock row is taken over (H2 and SQLite,
 * which have no session lock).
 */
class LockTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	private Retort retort(TestDatabase db, Duration timeout) {
		this.files.write("l1", List.of(), "one", "CREATE TABLE l1 (id INT);", "DROP TABLE l1;");
		return Retort.configure()
			.dataSource(db.dataSource())
			.locations(this.files.location())
			.lockTimeout(timeout)
			.lockExpiry(Duration.ofSeconds(2))
			.load();
	}

	/** The quoted lock table as Retort names it: H2 stores lower-case names in upper case. */
	private static String lockTable(DatabaseKind kind) {
		return (kind == DatabaseKind.H2) ? "\"RETORT_VERSION_LOCK\"" : "\"retort_version_lock\"";
	}

	@Test
	void postgresTimeoutNamesTheHoldingSession() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			Properties properties = new Properties();
			properties.setProperty("user", db.user());
			properties.setProperty("password", db.password());
			properties.setProperty("ApplicationName", "other-migrator");
			try (Connection holder = java.sql.DriverManager.getConnection(db.url(), properties);
					PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?), pg_backend_pid()")) {
				lock.setLong(1, PostgresAdvisoryLock.key("public", "retort_version"));
				int pid;
				try (ResultSet rs = lock.executeQuery()) {
					rs.next();
					pid = rs.getInt(2);
				}
				Retort retort = retort(db, Duration.ofMillis(800));
				assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class,
						(ex) -> {
							assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCK_TIMEOUT);
							assertThat(ex.getMessage()).contains("pid " + pid, "application_name 'other-migrator'");
						});
			}
			assertThat(DatabaseState.tableExists(db, "l1")).isFalse();
		}
	}

	@Test
	void postgresRunTakesTheLockOnItsOwnConnectionAndUsesNoOther() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.files.write("l1", List.of(), "one", "CREATE TABLE l1 AS SELECT count(*) AS n FROM pg_locks"
					+ " WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid();", "DROP TABLE l1;");
			assertSingleConnectionRunHoldingTheLock(db);
		}
	}

	@Test
	void mariadbRunTakesTheLockOnItsOwnConnectionAndUsesNoOther() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.MARIADB)) {
			this.files.write("l1", List.of(), "one", "CREATE TABLE l1 AS SELECT CASE WHEN IS_USED_LOCK('"
					+ MySqlNamedLock.name(db.name(), "retort_version") + "') = CONNECTION_ID() THEN 1 ELSE 0 END AS n;",
					"DROP TABLE l1;");
			assertSingleConnectionRunHoldingTheLock(db);
		}
	}

	/** Upgrades (one connection opened), checks what l1 recorded, then a no-op run (one more). */
	private void assertSingleConnectionRunHoldingTheLock(TestDatabase db) throws Exception {
		CountingDataSource counting = new CountingDataSource(db.dataSource());
		Retort retort = Retort.configure().dataSource(counting.dataSource()).locations(this.files.location()).load();
		assertThat(retort.upgrade("heads").headsAfter()).containsExactly("l1");
		assertThat(counting.count()).isEqualTo(1);
		assertThat(DatabaseState.column(db, "SELECT n FROM l1")).containsExactly("1");
		assertThat(retort.upgrade("heads").steps()).isEmpty();
		assertThat(counting.count()).isEqualTo(2);
		// Released: another session can take it at once.
		assertThat(Retort.configure().dataSource(db.dataSource()).locations(this.files.location())
			.lockTimeout(Duration.ZERO).load().upgrade("heads").steps()).isEmpty();
	}

	@Test
	void mariadbTimeoutNamesTheHoldingConnection() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.MARIADB);
				Connection holder = db.connect();
				PreparedStatement lock = holder.prepareStatement("SELECT GET_LOCK(?, 0), CONNECTION_ID()")) {
			lock.setString(1, MySqlNamedLock.name(db.name(), "retort_version"));
			long id;
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(1);
				id = rs.getLong(2);
			}
			Retort retort = retort(db, Duration.ofMillis(800));
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCK_TIMEOUT);
				assertThat(ex.getMessage()).contains("connection id " + id);
			});
		}
	}

	/**
	 * Two migrators inserting the lock row at once: the loser's broken key must read as "held by
	 * another", not as a database error (SQLite's driver gives no SQLState for it).
	 */
	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void aBrokenKeyIsRecognisedAsADuplicateOnEveryEngine(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			SqlDialect dialect = Databases.fromUrl(db.url()).dialect();
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE dup_probe (id INT NOT NULL PRIMARY KEY)");
				statement.execute("INSERT INTO dup_probe (id) VALUES (1)");
				assertThatThrownBy(() -> statement.execute("INSERT INTO dup_probe (id) VALUES (1)"))
					.isInstanceOfSatisfying(java.sql.SQLException.class,
							(ex) -> assertThat(dialect.isDuplicateKey(ex)).as(ex.getMessage()).isTrue());
				assertThatThrownBy(() -> statement.execute("SELECT * FROM no_such_table_here"))
					.isInstanceOfSatisfying(java.sql.SQLException.class,
							(ex) -> assertThat(dialect.isDuplicateKey(ex)).as(ex.getMessage()).isFalse());
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "SQLITE" })
	void lockRowTimeoutNamesItsOwner(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			Retort retort = retort(db, Duration.ofMillis(800));
			retort.status(); // nothing locked by reading
			TableLock lock = new TableLock(db.dataSource(), lockTable(kind), Duration.ofSeconds(30),
					"holder-actor", Databases.fromUrl(db.url()).dialect());
			try (Connection run = db.connect(); MigrationLock.Held held = lock.acquire(run, Duration.ofSeconds(1))) {
				assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class,
						(ex) -> {
							assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCK_TIMEOUT);
							assertThat(ex.getMessage()).contains("holder-actor on ", " pid "
									+ ProcessHandle.current().pid());
						});
			}
			// Released: the next run goes through.
			assertThat(retort.upgrade("heads").headsAfter()).containsExactly("l1");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "SQLITE" })
	void expiredLockRowOfACrashedMigratorIsTakenOver(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			Retort retort = retort(db, Duration.ofSeconds(10));
			long past = System.currentTimeMillis() - 60_000;
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE retort_version_lock (lock_id INT NOT NULL PRIMARY KEY,"
						+ " owner VARCHAR(255) NOT NULL, acquired_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL,"
						+ " expires_at BIGINT NOT NULL)");
				statement.execute("INSERT INTO retort_version_lock VALUES (1, 'crashed', " + past + ", " + past + ", "
						+ (past + 2000) + ")");
			}
			assertThat(retort.upgrade("heads").headsAfter()).containsExactly("l1");
			assertThat(DatabaseState.column(db, "SELECT count(*) FROM retort_version_lock")).containsExactly("0");
		}
	}

	@Test
	void h2LockRowOfAGoneProcessOnThisHostIsTakenOverAtOnceAndALiveOneIsNot() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			Retort retort = retort(db, Duration.ofSeconds(1));
			String host = java.net.InetAddress.getLocalHost().getHostName();
			Process alive = new ProcessBuilder("sleep", "60").start();
			Process gone = new ProcessBuilder("true").start();
			gone.waitFor();
			long future = System.currentTimeMillis() + 600_000;
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE retort_version_lock (lock_id INT NOT NULL PRIMARY KEY,"
						+ " owner VARCHAR(255) NOT NULL, acquired_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL,"
						+ " expires_at BIGINT NOT NULL)");
				statement.execute("INSERT INTO retort_version_lock VALUES (1, 'cli on " + host + " pid " + alive.pid()
						+ " (0123abcd)', " + future + ", " + future + ", " + future + ")");
			}
			try {
				assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCK_TIMEOUT));
			}
			finally {
				alive.destroyForcibly().waitFor();
			}
			DatabaseState.execute(db, "UPDATE retort_version_lock SET owner = 'cli on " + host + " pid " + gone.pid()
					+ " (0123abcd)'");
			// The row expires in ten minutes; its process is gone, so the one-second wait is enough.
			assertThat(retort.upgrade("heads").headsAfter()).containsExactly("l1");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "SQLITE" })
	void heartbeatKeepsALongHeldLockRow(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			Retort retort = retort(db, Duration.ofSeconds(1));
			TableLock lock = new TableLock(db.dataSource(), lockTable(kind), Duration.ofSeconds(1),
					"long-runner", Databases.fromUrl(db.url()).dialect());
			try (Connection run = db.connect(); MigrationLock.Held held = lock.acquire(run, Duration.ofSeconds(1))) {
				Thread.sleep(2500); // past the expiry: only the heartbeat keeps the row alive
				held.checkStillHeld();
				assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class,
						(ex) -> assertThat(ex.getMessage()).contains("long-runner"));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "SQLITE" })
	void closingWhileHeartbeatsAreDueReleasesTheRowEveryTime(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			// A 150 ms expiry beats every 50 ms: closes land before, during and after beats.
			TableLock lock = new TableLock(db.dataSource(), lockTable(kind), Duration.ofMillis(150), "quick-runner",
					Databases.fromUrl(db.url()).dialect());
			for (int i = 0; i < 30; i++) {
				try (Connection run = db.connect(); MigrationLock.Held held = lock.acquire(run, Duration.ofSeconds(1))) {
					Thread.sleep(i % 7 * 10);
					held.checkStillHeld();
				}
				try (Connection check = db.connect(); Statement statement = check.createStatement();
						ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + lockTable(kind))) {
					rs.next();
					assertThat(rs.getInt(1)).as("lock rows after close %d", i).isZero();
				}
			}
			// Later beats of the closed locks change nothing: the next migrator takes the lock at once.
			Thread.sleep(120);
			Retort retort = retort(db, Duration.ZERO);
			assertThat(retort.upgrade("heads").headsAfter()).containsExactly("l1");
		}
	}
}
