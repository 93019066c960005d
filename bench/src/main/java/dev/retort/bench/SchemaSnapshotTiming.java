package dev.retort.bench;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.database.Databases;
import dev.retort.internal.schema.SchemaChange;
import dev.retort.internal.schema.SchemaDiffer;
import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.TableSnapshot;

/**
 * Snapshot and diff of a 200-table PostgreSQL schema (5 columns, 2 indexes, 1 foreign key each):
 * round trips of one snapshot, and median wall time of warm snapshots and diffs. Run:
 * {@code java -cp bench/target-bench/benchmarks.jar dev.retort.bench.SchemaSnapshotTiming
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres [tables] [runs]}. Creates a database
 * {@code retort_bench_snapshot} and drops it at the end.
 */
public final class SchemaSnapshotTiming {

	private static final String DATABASE = "retort_bench_snapshot";

	private SchemaSnapshotTiming() {
	}

	public static void main(String[] args) throws Exception {
		String admin = (args.length > 0) ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
		int tables = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		String url = admin.replaceFirst("(//[^/]+/)[^?]*", "$1" + DATABASE);
		try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + DATABASE);
			s.execute("CREATE DATABASE " + DATABASE);
		}
		try {
			try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
				for (int i = 0; i < tables; i++) {
					s.execute("CREATE TABLE t" + i + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
							+ " code VARCHAR(20), amount NUMERIC(10, 2) DEFAULT 0, parent_id BIGINT)");
					s.execute("CREATE INDEX ix_t" + i + "_name ON t" + i + " (name)");
					s.execute("CREATE UNIQUE INDEX ux_t" + i + "_code ON t" + i + " (code)");
				}
				for (int i = 1; i < tables; i++) {
					s.execute("ALTER TABLE t" + i + " ADD CONSTRAINT fk_t" + i + " FOREIGN KEY (parent_id) REFERENCES t"
							+ (i - 1) + " (id)");
				}
			}
			CatalogReader reader = Databases.byName("postgresql").catalogReader();
			try (Connection c = DriverManager.getConnection(url)) {
				AtomicInteger statements = new AtomicInteger();
				SchemaSnapshot counted = reader.read(counting(c, statements), SnapshotOptions.excluding());
				System.out.printf("tables %d, statements per snapshot %d (plus the driver's current_schema())%n",
						counted.tables().size(), statements.get());
				SchemaSnapshot snapshot = report("snapshot", runs, () -> reader.read(c, SnapshotOptions.excluding()));
				report("diff empty->schema", runs, () -> new SchemaDiffer().diff(SchemaSnapshot.EMPTY, snapshot));
				SchemaSnapshot reread = reader.read(c, SnapshotOptions.excluding());
				report("diff schema->schema", runs, () -> new SchemaDiffer().diff(snapshot, reread));
				// Every table differs (one column widened, one index renamed): no table can be skipped as equal.
				SchemaSnapshot altered = altered(snapshot);
				report("diff schema->altered", runs, () -> new SchemaDiffer().diff(snapshot, altered));
				List<SchemaChange> all = new SchemaDiffer().diff(SchemaSnapshot.EMPTY, snapshot);
				System.out.printf("changes empty->schema %d%n", all.size());
			}
		}
		finally {
			try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS " + DATABASE);
			}
		}
	}

	private static SchemaSnapshot altered(SchemaSnapshot snapshot) {
		List<TableSnapshot> tables = snapshot.tables().stream().map(t -> new TableSnapshot(t.name(),
				t.columns().stream().map(c -> c.name().equals("code") ? new ColumnSnapshot(c.name(),
						"character varying(40)", 40L, null, null, c.nullable(), c.defaultExpression(), c.identity()) : c)
					.toList(),
				t.primaryKey(), t.uniques(), t.checks(),
				t.indexes().stream().map(i -> i.name().startsWith("ix_") ? (IndexSnapshot) i.renamed(i.name() + "_x") : i)
					.toList(),
				t.foreignKeys())).toList();
		return new SchemaSnapshot(tables, snapshot.sequences(), snapshot.enumTypes());
	}

	/**
	 * Median wall time, and median CPU time of the measuring thread: on a loaded machine the wall time
	 * mostly measures waiting for a core, the CPU time what the work costs.
	 */
	private static <T> T report(String name, int runs, Supplier<T> work) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		T result = null;
		for (int i = 0; i < 20; i++) {
			result = work.get();
		}
		long[] times = new long[runs];
		long[] cpu = new long[runs];
		for (int i = 0; i < runs; i++) {
			long startCpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			result = work.get();
			times[i] = System.nanoTime() - start;
			cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
		}
		Arrays.sort(times);
		Arrays.sort(cpu);
		System.out.printf("%-22s median %8.2f ms, min %8.2f ms, max %8.2f ms, cpu median %8.2f ms (%d runs)%n", name,
				times[runs / 2] / 1e6, times[0] / 1e6, times[runs - 1] / 1e6, cpu[runs / 2] / 1e6, runs);
		return result;
	}

	/** The connection, counting each statement executed through it. */
	private static Connection counting(Connection target, AtomicInteger count) {
		return (Connection) Proxy.newProxyInstance(SchemaSnapshotTiming.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					Object result = method.invoke(target, args);
					if (result instanceof java.sql.PreparedStatement prepared) {
						return Proxy.newProxyInstance(SchemaSnapshotTiming.class.getClassLoader(),
								new Class<?>[] { java.sql.PreparedStatement.class }, (p, m, a) -> {
									if (m.getName().startsWith("execute")) {
										count.incrementAndGet();
									}
									return m.invoke(prepared, a);
								});
					}
					return result;
				});
	}
}
