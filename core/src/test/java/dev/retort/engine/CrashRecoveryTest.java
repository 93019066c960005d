package dev.retort.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrator killed with SIGKILL in the middle of a revision leaves no lock behind and no trace of
 * the revision: the next run takes the lock at once and completes the upgrade.
 */
class CrashRecoveryTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	@RepeatedTest(5)
	void killedMidRevisionThenRerun() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.files.write("k1", List.of(), "setup",
					"CREATE TABLE sleep_config (seconds FLOAT NOT NULL);\nINSERT INTO sleep_config VALUES (30);",
					"DROP TABLE sleep_config;");
			// The pause length comes from a table, so the same file sleeps while crashing and not on the rerun.
			this.files.write("k2", List.of("k1"), "slow",
					"CREATE TABLE before_sleep (id INT);\nSELECT pg_sleep(seconds) FROM sleep_config;\n"
							+ "CREATE TABLE after_sleep (id INT);",
					"DROP TABLE after_sleep;\nDROP TABLE before_sleep;");
			Retort retort = Retort.configure()
				.dataSource(db.dataSource())
				.locations(this.files.location())
				.lockTimeout(Duration.ofSeconds(10))
				.load();
			retort.upgrade("k1");

			Path log = ChildJvm.logFile();
			Process child = ChildJvm.start(db, this.files.location(), "heads", 30, log);
			awaitSleeping(db, child, log);
			child.destroyForcibly();
			assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

			awaitNoAdvisoryLock(db);
			assertThat(DatabaseState.versionRows(db)).containsExactly("k1");
			DatabaseState.execute(db, "UPDATE sleep_config SET seconds = 0");

			long start = System.nanoTime();
			MigrationResult result = retort.upgrade("heads");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(result.steps()).extracting((step) -> step.revision()).containsExactly("k2");
			assertThat(DatabaseState.versionRows(db)).containsExactly("k2");
			assertThat(DatabaseState.tableExists(db, "after_sleep")).isTrue();
		}
	}

	private static void awaitSleeping(TestDatabase db, Process child, Path log) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			List<String> sleeping = DatabaseState.column(db, "SELECT pid FROM pg_stat_activity WHERE datname = '"
					+ db.name() + "' AND query LIKE 'SELECT pg_sleep(seconds)%' AND state = 'active'");
			if (!sleeping.isEmpty()) {
				return;
			}
			assertThat(child.isAlive()).as(() -> "child ended early: " + ChildJvm.output(log)).isTrue();
			Thread.sleep(50);
		}
		throw new AssertionError("child never reached pg_sleep: " + ChildJvm.output(log));
	}

	/**
	 * The lock session's backend ends as soon as the kernel closes the killed process's socket; give
	 * the server a moment to notice.
	 */
	private static void awaitNoAdvisoryLock(TestDatabase db) throws InterruptedException {
		String sql = "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
				+ " WHERE l.locktype = 'advisory' AND d.datname = '" + db.name() + "'";
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!DatabaseState.column(db, sql).equals(List.of("0"))) {
			assertThat(System.nanoTime()).as("advisory lock released after the kill").isLessThan(deadline);
			Thread.sleep(20);
		}
	}
}
