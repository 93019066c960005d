package dev.retort.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;

import dev.retort.Retort;
import dev.retort.test.RetortChecks;

/**
 * Wall time of the migration test kit's stairway on PostgreSQL over a linear chain of N SQL revisions
 * (each creates a table with an index and a foreign key to the previous one; its downgrade drops it).
 * Each run starts at the heads, so it includes the downgrade to base, then 3N revision runs and 2N
 * snapshots. Run: {@code java -cp bench/target-bench/benchmarks.jar dev.retort.bench.StairwayTiming
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres [revisions] [runs]}. Creates a database
 * {@code retort_bench_stairway} and drops it at the end.
 */
public final class StairwayTiming {

	private static final String DATABASE = "retort_bench_stairway";

	private StairwayTiming() {
	}

	public static void main(String[] args) throws Exception {
		String admin = (args.length > 0) ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
		int revisions = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		String url = admin.replaceFirst("(//[^/]+/)[^?]*", "$1" + DATABASE);
		Path folder = Files.createTempDirectory("retort-bench-stairway");
		try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + DATABASE);
			s.execute("CREATE DATABASE " + DATABASE);
		}
		try {
			for (int i = 0; i < revisions; i++) {
				String references = (i == 0) ? "" : ", parent_id BIGINT REFERENCES t" + (i - 1) + " (id)";
				Files.writeString(folder.resolve(String.format("%05d_r%d.sql", i, i)), "-- table t" + i + "\n--\n"
						+ "-- Revision ID: " + id(i) + "\n-- Revises: " + ((i == 0) ? "" : id(i - 1)) + "\n"
						+ "-- Create Date: 2026-12-06 03:00:00\n\n-- +upgrade\nCREATE TABLE t" + i
						+ " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL" + references + ");\nCREATE INDEX ix_t" + i
						+ "_name ON t" + i + " (name);\n\n-- +downgrade\nDROP TABLE t" + i + ";\n");
			}
			try (HikariDataSource pool = new HikariDataSource()) {
				pool.setJdbcUrl(url);
				pool.setMaximumPoolSize(3);
				time(Retort.configure().dataSource(pool).locations("filesystem:" + folder.toAbsolutePath()).load(),
						revisions, runs);
			}
		}
		finally {
			try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
				s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE
						+ "' AND pid <> pg_backend_pid()");
				s.execute("DROP DATABASE IF EXISTS " + DATABASE);
			}
			try (Stream<Path> paths = Files.walk(folder)) {
				paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	private static void time(Retort retort, int revisions, int runs) {
		retort.upgrade("heads");
		long[] times = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			RetortChecks.forRetort(retort).checkStairway();
			times[i] = System.nanoTime() - start;
			System.out.printf("run %d: %.2f s%n", i + 1, times[i] / 1e9);
		}
		long[] warm = Arrays.copyOfRange(times, Math.min(1, runs - 1), runs);
		Arrays.sort(warm);
		System.out.printf("revisions %d: first run %.2f s, warm median %.2f s (%d warm runs)%n", revisions,
				times[0] / 1e9, warm[warm.length / 2] / 1e9, warm.length);
		// Where the time goes: one snapshot at the heads, and one upgrade with nothing to do.
		System.out.printf("snapshot at heads: median %.1f ms%n", median(retort::schemaState) / 1e6);
		System.out.printf("upgrade heads with nothing to do: median %.1f ms%n",
				median(() -> retort.upgrade("heads")) / 1e6);
		System.out.printf("plan -1: median %.1f ms%n", median(() -> retort.planDowngrade("-1")) / 1e6);
	}

	private static long median(Runnable work) {
		long[] times = new long[9];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			work.run();
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		return times[times.length / 2];
	}

	private static String id(int i) {
		return String.format("%012x", 0xa00000000000L + i);
	}
}
