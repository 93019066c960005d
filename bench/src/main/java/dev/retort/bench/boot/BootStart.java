package dev.retort.bench.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.bench.compare.BenchDatabases;

/**
 * A Spring Boot application's start, as fresh processes: the benchmark app of {@code bench/boot-apps} built
 * three ways (Retort's starter, Flyway as Boot integrates it, no migration tool) as executable jars, each
 * started with {@code java -jar} on a database it already brought up to date, interleaved (round robin,
 * the first app rotating each round). Measured per start: wall time from starting the process to the app's
 * {@code READY} line (printed at {@code ApplicationReadyEvent}), the JVM's uptime and the process CPU time
 * at that moment (both printed by the app), and for Retort the time its log gives for loading the revisions.
 * <p>
 * Arguments: {@code [--apps bench/boot-apps] [--databases postgres,h2] [--runs 10] [--work <folder>]
 * [--extra name=jar,...]}; an extra jar is another build of an app, started in the same rounds (an A/B:
 * {@code retort-before=old.jar}), on the database of the tool its name starts with.
 * PostgreSQL databases {@code retort_bench_boot_*} are created and dropped through the admin URL
 * ({@code -Dbench.postgres.admin}, as for {@code Compare}); H2 databases are files under the work folder
 * (an in-memory database would die with each process, so "already up to date" needs a file).
 */
public final class BootStart {

	private static final Pattern READY = Pattern.compile("READY uptime_ms=(\\d+) cpu_ms=(\\d+)");

	private static final Pattern LOADED = Pattern.compile("Loaded (\\d+) revisions .* in (\\d+) ms");

	private static final List<String> TOOLS = List.of("plain", "flyway", "retort");

	private BootStart() {
	}

	/** One start's figures; {@code loadMs} is -1 where the app logs none. */
	record Sample(String app, long wallMs, long uptimeMs, long cpuMs, long loadMs) {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>(Map.of("--apps", "bench/boot-apps", "--databases",
				"postgres,h2", "--runs", "10", "--work", System.getProperty("java.io.tmpdir") + "/retort-bench-boot"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		Path apps = Path.of(options.get("--apps"));
		// --extra name=jar: another build of an app (e.g. retort-before=old.jar, an A/B in the same run); it
		// shares the database of the tool its name starts with.
		Map<String, Path> jars = new LinkedHashMap<>();
		for (String tool : TOOLS) {
			jars.put(tool, apps.resolve(tool).resolve("target-bench").resolve("boot-app-" + tool + ".jar"));
		}
		if (options.containsKey("--extra")) {
			for (String extra : options.get("--extra").split(",")) {
				String[] pair = extra.split("=", 2);
				jars.put(pair[0], Path.of(pair[1]));
			}
		}
		List<String> names = List.copyOf(jars.keySet());
		int runs = Integer.parseInt(options.get("--runs"));
		Path work = Path.of(options.get("--work")).toAbsolutePath();
		Files.createDirectories(work);
		for (String database : options.get("--databases").split(",")) {
			Map<String, String> urls = new LinkedHashMap<>();
			List<String> created = new ArrayList<>();
			try {
				for (String app : TOOLS) {
					if (database.equals("h2")) {
						Path file = work.resolve("h2-" + app + "-" + ProcessHandle.current().pid());
						urls.put(app, "jdbc:h2:file:" + file);
					}
					else {
						String name = BenchDatabases.uniqueName("boot_" + app);
						urls.put(app, BenchDatabases.createPostgres(name));
						created.add(name);
					}
				}
				// Each app migrates its own database once (not measured), so every measured start finds it up to date.
				for (String app : TOOLS) {
					Sample first = start(jars.get(app), app, urls.get(app), work);
					System.out.printf(Locale.ROOT, "prepared %s on %s: %d ms%n", app, database, first.wallMs());
				}
				List<Sample> samples = new ArrayList<>();
				for (int round = 0; round < runs; round++) {
					for (int k = 0; k < names.size(); k++) {
						String app = names.get((round + k) % names.size());
						Sample sample = start(jars.get(app), app, urls.get(toolOf(app)), work);
						samples.add(sample);
						System.out.printf(Locale.ROOT, "START %s %s wall_ms=%d uptime_ms=%d cpu_ms=%d load_ms=%d%n",
								database, app, sample.wallMs(), sample.uptimeMs(), sample.cpuMs(), sample.loadMs());
					}
				}
				report(database, runs, names, samples);
			}
			finally {
				for (String name : created) {
					BenchDatabases.dropPostgres(name);
				}
			}
		}
	}

	private static String toolOf(String app) {
		for (String tool : TOOLS) {
			if (app.startsWith(tool)) {
				return tool;
			}
		}
		throw new IllegalArgumentException(app + ": an extra app's name starts with plain, flyway or retort");
	}

	private static Sample start(Path jar, String app, String url, Path work) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " not found: build it with ./mvnw -Pbench -pl bench/boot-apps/"
					+ app + " -am package -DskipTests -Dretort.buildDir=target-bench");
		}
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toAbsolutePath().toString(), "--spring.datasource.url=" + url)
			.directory(work.toFile())
			.redirectErrorStream(true);
		try {
			long start = System.nanoTime();
			Process process = builder.start();
			long wall = -1;
			long uptime = -1;
			long cpu = -1;
			long load = -1;
			List<String> lines = new ArrayList<>();
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					lines.add(line);
					Matcher ready = READY.matcher(line);
					if (ready.find() && wall < 0) {
						wall = (System.nanoTime() - start) / 1_000_000;
						uptime = Long.parseLong(ready.group(1));
						cpu = Long.parseLong(ready.group(2));
					}
					Matcher loaded = LOADED.matcher(line);
					if (loaded.find()) {
						load = Long.parseLong(loaded.group(2));
					}
				}
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			if (wall < 0) {
				throw new IllegalStateException(app + " did not get ready:\n" + String.join("\n", lines));
			}
			return new Sample(app, wall, uptime, cpu, load);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void report(String database, int runs, List<String> names, List<Sample> samples) {
		System.out.println();
		System.out.printf(Locale.ROOT, "#### %s: %d starts each, ms, median [min–max]%n%n", database, runs);
		System.out.println("| app | to ready (wall) | JVM uptime at ready | process CPU at ready | revisions loaded in |");
		System.out.println("|---|---:|---:|---:|---:|");
		Map<String, double[]> medians = new LinkedHashMap<>();
		for (String app : names) {
			List<Sample> mine = samples.stream().filter((s) -> s.app().equals(app)).toList();
			long[] wall = mine.stream().mapToLong(Sample::wallMs).toArray();
			long[] uptime = mine.stream().mapToLong(Sample::uptimeMs).toArray();
			long[] cpu = mine.stream().mapToLong(Sample::cpuMs).toArray();
			long[] load = mine.stream().mapToLong(Sample::loadMs).filter((v) -> v >= 0).toArray();
			medians.put(app, new double[] { median(wall), median(uptime), median(cpu) });
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", label(app), cell(wall), cell(uptime),
					cell(cpu), (load.length == 0) ? "–" : cell(load));
		}
		String[] what = { "wall", "uptime", "CPU" };
		for (int i = 0; i < what.length; i++) {
			double plain = medians.get("plain")[i];
			double flyway = medians.get("flyway")[i] - plain;
			for (String app : names) {
				if (app.startsWith("retort")) {
					double retort = medians.get(app)[i] - plain;
					System.out.printf(Locale.ROOT, "%s: Flyway adds %.0f ms, %s adds %.0f ms (%.2f of Flyway's addition)%n",
							what[i], flyway, app, retort, retort / flyway);
				}
			}
		}
	}

	private static String label(String app) {
		return switch (app) {
			case "plain" -> "no migration tool";
			case "flyway" -> "Flyway (Boot's integration)";
			case "retort" -> "Retort (starter)";
			default -> app;
		};
	}

	private static String cell(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, "%,.0f [%,d–%,d]", median(values), sorted[0], sorted[sorted.length - 1]);
	}

	private static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
	}
}
