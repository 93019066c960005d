package dev.retort.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.retort.AppliedStep;
import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.InterruptedRevision;
import dev.retort.Outcome;
import dev.retort.Resolution;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17: a migrator killed with SIGKILL in the middle of a revision whose statements commit as
 * they go leaves a {@code running} history row; the next run reports {@code INTERRUPTED_REVISION}
 * with the revision and the statements that may have committed, runs nothing, and the two ways out
 * ({@code resolve --rolled-back}, {@code resolve --applied}) work and are recorded.
 */
class InterruptedRevisionTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	/** PostgreSQL: a Transactional: false CREATE INDEX CONCURRENTLY killed mid-build leaves an INVALID index. */
	@Test
	void postgresConcurrentIndexKilledMidBuild() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.files.write("p1", List.of(), "big table", "CREATE TABLE a (id INT NOT NULL, v TEXT NOT NULL);\n"
					+ "INSERT INTO a SELECT g, md5(g::text) FROM generate_series(1, 1000000) g;", "DROP TABLE a;");
			this.files.write("p2", List.of("p1"), "index a.v",
					"CREATE INDEX CONCURRENTLY ix_a_v ON a (md5(v), v);", "DROP INDEX CONCURRENTLY ix_a_v;", false);
			Retort retort = retort(db.dataSource());
			retort.upgrade("p1");

			Path log = ChildJvm.logFile();
			Process child = ChildJvm.start(db, this.files.location(), "heads", 10, log);
			awaitWhile(child, log, () -> DatabaseState.column(db, "SELECT pid FROM pg_stat_activity WHERE datname = '"
					+ db.name() + "' AND query LIKE 'CREATE INDEX CONCURRENTLY%' AND state = 'active'").isEmpty());
			// A run under way is not interrupted.
			assertThat(retort.status().interrupted()).isEmpty();
			kill(child);

			InterruptedRevision interrupted = awaitInterrupted(retort);
			assertThat(interrupted.revision()).isEqualTo("p2");
			assertThat(interrupted.statementUnderWay()).isEqualTo(1);
			assertThat(interrupted.mayHaveCommitted()).singleElement().asString().contains("CREATE INDEX CONCURRENTLY ix_a_v");
			assertThat(interrupted.invalidIndexes()).containsExactly("public.ix_a_v");
			assertThat(interrupted.processId()).isEqualTo(child.pid());
			RetortException error = upgradeFails(retort, "p2");
			assertThat(error.getMessage()).contains("ix_a_v", "INVALID", "resolve p2 --rolled-back");
			assertThat(DatabaseState.versionRows(db)).containsExactly("p1");

			// Way out 1: the operator drops the index and says so; the retry then runs.
			DatabaseState.execute(db, "DROP INDEX ix_a_v", "DELETE FROM a WHERE id > 1000");
			retort.withActor("operator-ann").resolve("p2", Resolution.ROLLED_BACK);
			assertThat(retort.status().interrupted()).isEmpty();
			assertThat(retort.upgrade("heads").steps()).extracting((step) -> step.revision()).containsExactly("p2");
			assertThat(DatabaseState.versionRows(db)).containsExactly("p2");
			List<AppliedStep> history = retort.appliedHistory(10);
			assertThat(history).filteredOn((row) -> row.direction() == Direction.RESOLVE).singleElement()
				.satisfies((row) -> assertThat(row.actor()).isEqualTo("operator-ann"));
			assertThat(history).filteredOn((row) -> row.outcome() == Outcome.INTERRUPTED).singleElement()
				.satisfies((row) -> assertThat(row.revision()).isEqualTo("p2"));
			assertThat(history).noneMatch((row) -> row.outcome() == Outcome.RUNNING);
		}
	}

	/** MariaDB: DDL commits as it goes; killed during a sleep after CREATE TABLE. */
	@Test
	void mariadbKilledAfterDdl() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.MARIADB)) {
			this.files.write("m1", List.of(), "setup", "CREATE TABLE sleep_config (seconds INT NOT NULL);\n"
					+ "INSERT INTO sleep_config VALUES (30);", "DROP TABLE sleep_config;");
			this.files.write("m2", List.of("m1"), "slow", "CREATE TABLE b (id INT);\n"
					+ "SELECT SLEEP(seconds) FROM sleep_config;\nINSERT INTO b VALUES (1);", "DROP TABLE b;");
			Retort retort = retort(db.dataSource());

			// The first run on a fresh database prints nothing but Retort's own lines.
			Path first = ChildJvm.logFile();
			Process setup = ChildJvm.start(db.url(), db.user(), db.password(), this.files.location(), "m1", 10, first,
					true);
			assertThat(setup.waitFor(60, TimeUnit.SECONDS)).isTrue();
			String output = ChildJvm.output(first);
			assertThat(output).contains("OK 1").doesNotContain("ErrorPacket").doesNotContain("org.mariadb");
			for (String line : output.lines().filter((line) -> line.contains(" WARN ") || line.contains(" ERROR ")).toList()) {
				assertThat(line).contains(" d.r.");
			}

			Path log = ChildJvm.logFile();
			Process child = ChildJvm.start(db, this.files.location(), "heads", 10, log);
			awaitWhile(child, log, () -> DatabaseState.column(db, "SELECT ID FROM information_schema.PROCESSLIST"
					+ " WHERE INFO LIKE 'SELECT SLEEP(seconds)%'").isEmpty());
			assertThat(retort.status().interrupted()).isEmpty();
			kill(child);

			InterruptedRevision interrupted = awaitInterrupted(retort);
			assertThat(interrupted.revision()).isEqualTo("m2");
			assertThat(interrupted.statementCount()).isEqualTo(3);
			// The index update for statement 2 was in the open transaction the kill rolled back.
			assertThat(interrupted.mayHaveCommitted()).singleElement().asString().contains("CREATE TABLE b");
			assertThat(upgradeFails(retort, "m2").getMessage()).contains("CREATE TABLE b");
			assertThat(DatabaseState.tableExists(db, "b")).isTrue();

			// Way out 2: the operator completes the revision and marks it applied.
			DatabaseState.execute(db, "INSERT INTO b VALUES (1)");
			retort.withActor("operator-bob").resolve("m2", Resolution.APPLIED);
			assertThat(DatabaseState.versionRows(db)).containsExactly("m2");
			assertThat(retort.status().upToDate()).isTrue();
			assertThat(retort.upgrade("heads").steps()).isEmpty();
			List<AppliedStep> history = retort.appliedHistory(10);
			assertThat(history).filteredOn((row) -> row.direction() == Direction.UPGRADE
					&& row.outcome() == Outcome.SUCCESS && row.revision().equals("m2"))
				.singleElement()
				.satisfies((row) -> assertThat(row.actor()).isEqualTo("operator-bob"));
			assertThatThrownBy(() -> retort.resolve("m2", Resolution.APPLIED)).isInstanceOfSatisfying(
					RetortException.class, (ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.NOT_INTERRUPTED));
		}
	}

	/** H2 file database: the dead run's lock row is taken over at once; the revision is reported. */
	@Test
	void h2FileKilledMidRevision() throws Exception {
		Path dir = Files.createTempDirectory("retort-h2-crash");
		String url = "jdbc:h2:file:" + dir.resolve("crash").toAbsolutePath() + ";FILE_LOCK=FS";
		try {
			this.files.write("h1", List.of(), "setup", "CREATE TABLE sleep_config (ms BIGINT NOT NULL);\n"
					+ "INSERT INTO sleep_config VALUES (30000);\n"
					+ "CREATE ALIAS SLEEP_MS FOR 'java.lang.Thread.sleep';", "DROP TABLE sleep_config;");
			this.files.write("h2", List.of("h1"), "slow", "CREATE TABLE b (id INT);\n"
					+ "CALL SLEEP_MS((SELECT ms FROM sleep_config));\nINSERT INTO b VALUES (1);", "DROP TABLE b;");
			Path log = ChildJvm.logFile();
			Process child = ChildJvm.start(url, "sa", "", this.files.location(), "heads", 10, log, true);
			awaitWhile(child, log, () -> !ChildJvm.output(log).contains("Running upgrade h1 -> h2"));
			Thread.sleep(1000); // into the sleep (the file is the child's until it dies)
			kill(child);

			// The lock row's expiry is far away; its holder (this host, a dead process) is taken over at once.
			Retort retort = Retort.configure()
				.dataSource(url, "sa", "")
				.locations(this.files.location())
				.lockTimeout(Duration.ofSeconds(2))
				.lockExpiry(Duration.ofMinutes(10))
				.load();
			RetortException error = upgradeFails(retort, "h2");
			assertThat(error.getMessage()).contains("CREATE TABLE b").doesNotContain("SLEEP_MS(");
			InterruptedRevision interrupted = retort.status().interrupted().get(0);
			assertThat(interrupted.statementUnderWay()).isEqualTo(1);

			try (Connection connection = DriverManager.getConnection(url, "sa", "");
					Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE b");
				statement.execute("UPDATE sleep_config SET ms = 0");
			}
			retort.resolve("h2", Resolution.ROLLED_BACK);
			assertThat(retort.upgrade("heads").steps()).extracting((step) -> step.revision()).containsExactly("h2");
			assertThat(retort.status().upToDate()).isTrue();
		}
		finally {
			try (Connection connection = DriverManager.getConnection(url, "sa", "");
					Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
			catch (Exception ex) {
				// already closed
			}
			try (var paths = Files.walk(dir)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/** A run that was not interrupted leaves no running row and is never reported. */
	@Test
	void completedAndFailedRunsAreNotReported() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			this.files.write("n1", List.of(), "ok", "CREATE TABLE n (id INT);", "DROP TABLE n;");
			this.files.write("n2", List.of("n1"), "fails", "CREATE TABLE n2 (id INT);\nINSERT INTO nowhere VALUES (1);",
					"DROP TABLE n2;");
			Retort retort = retort(db.dataSource());
			retort.upgrade("n1");
			RetortException failed = upgradeFailsWith(retort, CoreErrorCode.STATEMENT_FAILED);
			assertThat(failed.getMessage()).doesNotContain("nothing of this revision remains");
			assertThat(retort.status().interrupted()).isEmpty();
			assertThat(retort.appliedHistory(10)).extracting(AppliedStep::outcome)
				.containsExactly(Outcome.FAILED, Outcome.SUCCESS);
		}
	}

	private Retort retort(javax.sql.DataSource dataSource) {
		return Retort.configure().dataSource(dataSource).locations(this.files.location())
			.lockTimeout(Duration.ofSeconds(10)).load();
	}

	private static RetortException upgradeFails(Retort retort, String revision) {
		RetortException error = upgradeFailsWith(retort, CoreErrorCode.INTERRUPTED_REVISION);
		assertThat(error.revision()).isEqualTo(revision);
		assertThat(error.getMessage()).contains("was interrupted", "Nothing was run");
		return error;
	}

	private static RetortException upgradeFailsWith(Retort retort, CoreErrorCode code) {
		List<RetortException> thrown = new ArrayList<>();
		assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
			assertThat(ex.code()).as(ex.getMessage()).isEqualTo(code);
			thrown.add(ex);
		});
		return thrown.get(0);
	}

	/** The killed run's session lock ends when the server notices the closed socket. */
	private static InterruptedRevision awaitInterrupted(Retort retort) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			List<InterruptedRevision> interrupted = retort.status().interrupted();
			if (!interrupted.isEmpty()) {
				return interrupted.get(0);
			}
			assertThat(System.nanoTime()).as("interrupted revision reported after the kill").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static void awaitWhile(Process child, Path log, BooleanSupplier notYet) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (notYet.getAsBoolean()) {
			assertThat(child.isAlive()).as(() -> "child ended early: " + ChildJvm.output(log)).isTrue();
			assertThat(System.nanoTime()).as(() -> "child never got there: " + ChildJvm.output(log)).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static void kill(Process child) throws InterruptedException {
		child.destroyForcibly();
		assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
	}
}
