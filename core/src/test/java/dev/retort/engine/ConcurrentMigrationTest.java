package dev.retort.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Several migrators on one fresh database at once: one runs, the others wait and find nothing to do. */
class ConcurrentMigrationTest {

	private static final List<String> IDS = List.of("c1", "c2", "c3", "c4", "c5");

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	/** Five revisions; each logs itself into {@code applied_log} and takes a moment, so waiters really wait. */
	private void writeLoggingGraph(DatabaseKind kind) {
		String pause = switch (kind) {
			case POSTGRES -> "SELECT pg_sleep(0.2);";
			case MARIADB -> "SELECT SLEEP(0.2);";
			case H2 -> "CALL SLEEP(200);";
			// SQLite has no sleep function: count a while instead.
			case SQLITE -> "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 500000)"
					+ " SELECT count(*) FROM n;";
		};
		String previous = null;
		for (String id : IDS) {
			String upgrade = ((previous == null) ? "CREATE TABLE applied_log (rev VARCHAR(32) NOT NULL);\n" : "")
					+ "CREATE TABLE t_" + id + " (id INT);\nINSERT INTO applied_log (rev) VALUES ('" + id + "');\n"
					+ pause;
			this.files.write(id, (previous == null) ? List.of() : List.of(previous), "revision " + id, upgrade,
					"DROP TABLE t_" + id + ";");
			previous = id;
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void eightThreadsWithSeparateConnections(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			if (kind == DatabaseKind.H2) {
				// The pause in the revisions calls this alias.
				DatabaseState.execute(db, "CREATE ALIAS SLEEP FOR 'java.lang.Thread.sleep(long)'");
			}
			writeLoggingGraph(kind);
			int threads = 8;
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<MigrationResult>> results = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					Retort retort = Retort.configure()
						.dataSource(db.dataSource())
						.locations(this.files.location())
						.lockTimeout(Duration.ofSeconds(60))
						.actor("thread-" + i)
						.load();
					results.add(pool.submit(() -> {
						start.await();
						return retort.upgrade("heads");
					}));
				}
				start.countDown();
				int stepsRun = 0;
				for (Future<MigrationResult> result : results) {
					MigrationResult done = result.get(120, TimeUnit.SECONDS);
					assertThat(done.headsAfter()).containsExactly("c5");
					stepsRun += done.steps().size();
				}
				assertThat(stepsRun).isEqualTo(IDS.size());
			}
			finally {
				pool.shutdownNow();
			}
			assertAppliedOnce(db);
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRES", "MARIADB", "SQLITE" })
	void threeProcesses(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			writeLoggingGraph(kind);
			List<Process> processes = new ArrayList<>();
			List<Path> logs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Path log = ChildJvm.logFile();
				logs.add(log);
				processes.add(ChildJvm.start(db, this.files.location(), "heads", 90, log));
			}
			int stepsRun = 0;
			for (int i = 0; i < processes.size(); i++) {
				Process process = processes.get(i);
				assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child %d finished", i).isTrue();
				String output = ChildJvm.output(logs.get(i));
				assertThat(process.exitValue()).as(output).isZero();
				String ok = output.lines().filter((line) -> line.startsWith("OK ")).findFirst().orElseThrow();
				stepsRun += Integer.parseInt(ok.substring(3).trim());
			}
			assertThat(stepsRun).isEqualTo(IDS.size());
			assertAppliedOnce(db);
		}
	}

	/**
	 * The deadlock this design avoids: the lock holder runs {@code CREATE INDEX CONCURRENTLY}, which
	 * waits for every other session's open snapshot; a waiter polling inside a transaction would
	 * never let it finish. Three migrators must all finish well within the lock timeout.
	 */
	@Test
	void createIndexConcurrentlyWhileOthersWait() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.files.write("i1", List.of(), "orders",
					"CREATE TABLE orders (id INT PRIMARY KEY, customer INT);\n"
							+ "INSERT INTO orders SELECT g, g % 100 FROM generate_series(1, 20000) g;\nSELECT pg_sleep(0.5);",
					"DROP TABLE orders;");
			this.files.write("i2", List.of("i1"), "index orders concurrently",
					"CREATE INDEX CONCURRENTLY orders_customer ON orders (customer);", "DROP INDEX orders_customer;",
					false);
			this.files.write("i3", List.of("i2"), "after the index", "CREATE TABLE after_index (id INT);",
					"DROP TABLE after_index;");
			List<Process> processes = new ArrayList<>();
			List<Path> logs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Path log = ChildJvm.logFile();
				logs.add(log);
				processes.add(ChildJvm.start(db, this.files.location(), "heads", 60, log));
			}
			int stepsRun = 0;
			for (int i = 0; i < processes.size(); i++) {
				Process process = processes.get(i);
				// A deadlock would keep the holder in CREATE INDEX CONCURRENTLY until the waiters' 60 s timeout.
				assertThat(process.waitFor(45, TimeUnit.SECONDS)).as("child %d finished", i).isTrue();
				String output = ChildJvm.output(logs.get(i));
				assertThat(process.exitValue()).as(output).isZero();
				String ok = output.lines().filter((line) -> line.startsWith("OK ")).findFirst().orElseThrow();
				stepsRun += Integer.parseInt(ok.substring(3).trim());
			}
			assertThat(stepsRun).isEqualTo(3);
			assertThat(DatabaseState.versionRows(db)).containsExactly("i3");
			assertThat(DatabaseState.column(db,
					"SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'orders_customer'::regclass"))
				.containsExactly("true");
		}
	}

	private static void assertAppliedOnce(TestDatabase db) {
		List<String> log = new ArrayList<>(DatabaseState.column(db, "SELECT rev FROM applied_log"));
		log.sort(null);
		assertThat(log).containsExactlyElementsOf(IDS);
		assertThat(DatabaseState.versionRows(db)).containsExactly("c5");
		assertThat(DatabaseState.column(db,
				"SELECT count(*) FROM retort_history WHERE direction = 'upgrade' AND outcome = 'success'"))
			.containsExactly(String.valueOf(IDS.size()));
	}
}
