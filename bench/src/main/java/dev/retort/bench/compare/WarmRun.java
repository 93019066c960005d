package dev.retort.bench.compare;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Warm measurements in one JVM, started by {@link Compare}: every contender runs the scenario
 * {@code warmup} times, then {@code iterations} measured times, interleaved (round robin, the
 * starting contender rotating each round) so that load from elsewhere on the machine hits all
 * alike. Prints {@code WARM <contender> <ns>} per measured call.
 * <p>
 * Arguments: {@code <postgres|postgres-remote|h2> <scenario> <work-folder> <warmup> <iterations> [CONTENDER=url|CONTENDER= ...]};
 * the optional URLs name databases already migrated by each contender (PostgreSQL noop/status).
 * For H2 every database is embedded and in memory, prepared here.
 */
public final class WarmRun {

	private WarmRun() {
	}

	public static void main(String[] args) {
		String db = args[0];
		Scenario scenario = Scenario.parse(args[1]);
		Workload work = Workload.generate(Path.of(args[2]), scenario.size());
		int warmup = Integer.parseInt(args[3]);
		int iterations = Integer.parseInt(args[4]);
		Map<Contender, String> prepared = new EnumMap<>(Contender.class);
		// The contenders measured: those named (NAME=url, or NAME= when nothing is prepared), else all.
		List<Contender> contenders = new java.util.ArrayList<>();
		for (int i = 5; i < args.length; i++) {
			String[] pair = args[i].split("=", 2);
			contenders.add(Contender.valueOf(pair[0]));
			if (!pair[1].isEmpty()) {
				prepared.put(Contender.valueOf(pair[0]), pair[1]);
			}
		}
		if (contenders.isEmpty()) {
			contenders = List.of(Contender.values());
		}
		if (scenario.needsMigratedDatabase() && db.equals("h2")) {
			for (Contender contender : contenders) {
				String url = BenchDatabases.h2Embedded(BenchDatabases.uniqueName(contender.name().toLowerCase()));
				contender.migrate(url, work);
				prepared.put(contender, url);
			}
		}
		for (int round = 0; round < warmup + iterations; round++) {
			for (int k = 0; k < contenders.size(); k++) {
				Contender contender = contenders.get((round + k) % contenders.size());
				long ns = once(db, scenario, contender, work, prepared.get(contender));
				if (round >= warmup) {
					System.out.println("WARM " + contender + " " + ns);
				}
			}
		}
	}

	private static long once(String db, Scenario scenario, Contender contender, Workload work, String prepared) {
		String name = null;
		String url = prepared;
		if (!scenario.needsMigratedDatabase()) {
			name = BenchDatabases.uniqueName("warm");
			url = db.equals("h2") ? BenchDatabases.h2Embedded(name) : BenchDatabases.createPostgres(db, name);
		}
		System.gc();
		long start = System.nanoTime();
		scenario.run(contender, url, work);
		long ns = System.nanoTime() - start;
		if (name != null) {
			if (BenchDatabases.benchTables(url) != work.count()) {
				throw new IllegalStateException(contender + " did not create " + work.count() + " tables");
			}
			if (db.equals("h2")) {
				BenchDatabases.dropH2(url);
			}
			else {
				BenchDatabases.dropPostgres(name);
			}
		}
		return ns;
	}

}
