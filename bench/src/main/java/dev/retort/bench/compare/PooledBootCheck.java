package dev.retort.bench.compare;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariDataSource;

import dev.retort.Retort;

/**
 * The startup check as a Spring Boot application runs it: the application's HikariCP pool, the
 * revisions in a {@code filesystem:} folder, warm, in one JVM. Side by side, interleaved (round
 * robin, the first one rotating each round), with a {@code System.gc()} before each call:
 * <ul>
 * <li>{@code retort-boot}: {@code Retort.configure().dataSource(pool).locations(..).load().upgrade("heads")}
 * with nothing to do, and {@code retort-status}: the same {@code load()} then {@code pending()};</li>
 * <li>{@code flyway-boot}: {@code Flyway.configure()...load().migrate()} with nothing to do, and
 * {@code flyway-info}: {@code info().pending()};</li>
 * <li>{@code jdbc-boot}: the floor, plain JDBC on the same pool: create the version table if missing, read
 * its rows, list the folder and read every file (what a check that validates checksums cannot avoid; not
 * hashed); {@code jdbc-status}: the same without the create.</li>
 * </ul>
 * Each tool has its own database, migrated by itself before the first call. Arguments:
 * {@code <h2|postgres> <work-folder> [revisions=1000] [warmup=2] [iterations=5] [only=<call>,...]}: with
 * {@code h2}, each database is an in-memory H2 database ({@code jdbc:h2:mem:<name>;DB_CLOSE_DELAY=-1});
 * with {@code postgres}, databases {@code retort_bench_pooled_*} are created and dropped through the admin URL
 * ({@code -Dbench.postgres.admin}, as for {@link Compare}). {@code only=retort-boot} runs just those calls (to profile one of them). Prints one line per
 * measured call, {@code CALL <name> <ns>}, then a table of medians and ratios.
 */
public final class PooledBootCheck {

	private PooledBootCheck() {
	}

	/** One measured call. */
	private record Call(String name, Supplier<Object> run) {
	}

	public static void main(String[] args) throws Exception {
		String db = args[0];
		int revisions = (args.length > 2) ? Integer.parseInt(args[2]) : 1000;
		Workload work = Workload.generate(Path.of(args[1]), revisions);
		int warmup = (args.length > 3) ? Integer.parseInt(args[3]) : 2;
		int iterations = (args.length > 4) ? Integer.parseInt(args[4]) : 5;
		Set<String> only = (args.length > 5 && args[5].startsWith("only="))
				? Set.of(args[5].substring(5).split(",")) : Set.of();
		List<HikariDataSource> pools = new ArrayList<>();
		List<String> postgres = new ArrayList<>();
		try {
			DataSource retortPool = pool(db, "retort", pools, postgres);
			DataSource flywayPool = pool(db, "flyway", pools, postgres);
			DataSource jdbcPool = pool(db, "jdbc", pools, postgres);
			String retortLocation = "filesystem:" + work.retort();
			String flywayLocation = "filesystem:" + work.flyway();
			Retort.configure().dataSource(retortPool).locations(retortLocation).load().upgrade("heads");
			Flyway.configure().dataSource(flywayPool).locations(flywayLocation).load().migrate();
			jdbcMigrate(jdbcPool, work);
			List<Call> calls = new ArrayList<>(List.of(
					new Call("retort-boot",
							() -> Retort.configure().dataSource(retortPool).locations(retortLocation).load()
								.upgrade("heads")),
					new Call("retort-status",
							() -> Retort.configure().dataSource(retortPool).locations(retortLocation).load()
								.pending()),
					new Call("flyway-boot",
							() -> Flyway.configure().dataSource(flywayPool).locations(flywayLocation).load()
								.migrate()),
					new Call("flyway-info",
							() -> Flyway.configure().dataSource(flywayPool).locations(flywayLocation).load()
								.info()
								.pending()),
					new Call("jdbc-boot", () -> jdbcCheck(jdbcPool, work, true)),
					new Call("jdbc-status", () -> jdbcCheck(jdbcPool, work, false))));
			if (!only.isEmpty()) {
				calls.removeIf((call) -> !only.contains(call.name()));
			}
			long[][] times = new long[calls.size()][iterations];
			for (int round = 0; round < warmup + iterations; round++) {
				for (int k = 0; k < calls.size(); k++) {
					int index = (round + k) % calls.size();
					System.gc();
					long start = System.nanoTime();
					calls.get(index).run().get();
					long ns = System.nanoTime() - start;
					if (round >= warmup) {
						times[index][round - warmup] = ns;
						System.out.println("CALL " + calls.get(index).name() + " " + ns);
					}
				}
			}
			report(calls, times);
		}
		finally {
			for (HikariDataSource pool : pools) {
				pool.close();
			}
			for (String name : postgres) {
				BenchDatabases.dropPostgres(name);
			}
		}
	}

	private static DataSource pool(String db, String tool, List<HikariDataSource> pools, List<String> postgres) {
		String name = BenchDatabases.uniqueName("pooled_" + tool);
		String url;
		if (db.equals("h2")) {
			url = BenchDatabases.h2Embedded(name);
		}
		else {
			url = BenchDatabases.createPostgres("postgres", name);
			postgres.add(name);
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setPoolName("bench-" + tool);
		pools.add(pool);
		return pool;
	}

	private static void report(List<Call> calls, long[][] times) {
		double[] medians = new double[calls.size()];
		System.out.println();
		System.out.println("| call | median ms | min–max ms |");
		System.out.println("|---|---:|---:|");
		for (int i = 0; i < calls.size(); i++) {
			long[] sorted = times[i].clone();
			Arrays.sort(sorted);
			medians[i] = median(sorted) / 1e6;
			System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f–%.1f |%n", calls.get(i).name(), medians[i],
					sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
		}
		ratio(calls, medians, "retort-boot", "flyway-boot");
		ratio(calls, medians, "retort-boot", "jdbc-boot");
		ratio(calls, medians, "retort-status", "flyway-info");
		ratio(calls, medians, "retort-status", "jdbc-status");
	}

	private static double median(long[] sorted) {
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
	}

	private static void ratio(List<Call> calls, double[] medians, String a, String b) {
		int i = indexOf(calls, a);
		int j = indexOf(calls, b);
		if (i >= 0 && j >= 0) {
			System.out.printf(Locale.ROOT, "%s / %s = %.2f×%n", a, b, medians[i] / medians[j]);
		}
	}

	private static int indexOf(List<Call> calls, String name) {
		for (int i = 0; i < calls.size(); i++) {
			if (calls.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	/** The floor's migration: every file's statement and a version row (autocommit; a one-off preparation). */
	private static void jdbcMigrate(DataSource pool, Workload work) throws Exception {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS jdbc_version (version INTEGER PRIMARY KEY)");
			for (int i = 1; i <= work.count(); i++) {
				statement.execute(Workload.statement(i));
				statement.execute("INSERT INTO jdbc_version (version) VALUES (" + i + ")");
			}
		}
	}

	/**
	 * The floor's check: (for boot) create the version table if missing, read the applied versions, list the
	 * folder, read every file and name the pending ones.
	 */
	private static Object jdbcCheck(DataSource pool, Workload work, boolean create) {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			if (create) {
				statement.execute("CREATE TABLE IF NOT EXISTS jdbc_version (version INTEGER PRIMARY KEY)");
			}
			Set<Integer> applied = new HashSet<>();
			try (ResultSet rs = statement.executeQuery("SELECT version FROM jdbc_version")) {
				while (rs.next()) {
					applied.add(rs.getInt(1));
				}
			}
			List<String> pending = new ArrayList<>();
			File folder = work.flyway().toFile();
			for (String name : folder.list()) {
				// Every file is read, as a check that validates checksums must (not hashed: a floor).
				Files.readAllBytes(new File(folder, name).toPath());
				int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
				if (!applied.contains(version)) {
					pending.add(name);
				}
			}
			if (!pending.isEmpty()) {
				throw new IllegalStateException("the floor's database is not up to date: " + pending.size());
			}
			return pending;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
