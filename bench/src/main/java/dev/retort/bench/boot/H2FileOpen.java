package dev.retort.bench.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What opening an H2 file database costs a fresh JVM, the cost every migration tool pays at an
 * application's start and an app with no tool (whose pool connects lazily) does not: the first
 * connection to a file holding {@code tables} tables shaped like {@code bench/boot-apps}' (one per
 * revision), against the first connection to a new empty file, each in a fresh process (`java
 * -cp benchmarks.jar`, default flags, as {@link BootStart} starts the apps), interleaved.
 *
 * <p>Arguments: {@code [tables 1000] [runs 7] [work folder]}. Prints each run and the medians.
 */
public final class H2FileOpen {

	private H2FileOpen() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--child")) {
			child(args[1]);
			return;
		}
		int tables = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		Path work = Files.createDirectories(Path.of((args.length > 2) ? args[2]
				: System.getProperty("java.io.tmpdir") + "/retort-bench-h2open"));
		Path full = work.resolve("tables-" + tables);
		create(full, tables);
		List<Long> fullMs = new ArrayList<>();
		List<Long> emptyMs = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			Path empty = work.resolve("empty-" + run);
			Files.deleteIfExists(Path.of(empty + ".mv.db"));
			long a = openInChild(full);
			long b = openInChild(empty);
			Files.deleteIfExists(Path.of(empty + ".mv.db"));
			fullMs.add(a);
			emptyMs.add(b);
			System.out.printf(Locale.ROOT, "run %d: %d tables %d ms, empty file %d ms%n", run, tables, a, b);
		}
		long medianFull = median(fullMs);
		long medianEmpty = median(emptyMs);
		System.out.printf(Locale.ROOT, "first connection in a fresh JVM, median of %d: %d-table file %d ms, empty file %d ms;"
				+ " the tables cost %d ms%n", runs, tables, medianFull, medianEmpty, medianFull - medianEmpty);
	}

	private static void create(Path file, int tables) throws SQLException, IOException {
		if (Files.exists(Path.of(file + ".mv.db"))) {
			return;
		}
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "");
				Statement s = c.createStatement()) {
			for (int i = 1; i <= tables; i++) {
				s.execute(String.format(Locale.ROOT, "CREATE TABLE bench_%05d (id INTEGER PRIMARY KEY, name VARCHAR(64))", i));
			}
		}
	}

	/** Starts a fresh JVM that opens the file and prints how long its first connection took. */
	private static long openInChild(Path file) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				H2FileOpen.class.getName(), "--child", file.toString()).redirectErrorStream(true).start();
		String result = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith("OPENED ")) {
					result = line.substring("OPENED ".length());
				}
			}
		}
		if (process.waitFor() != 0 || result == null) {
			throw new IllegalStateException("The child opening " + file + " failed");
		}
		return Long.parseLong(result);
	}

	private static void child(String file) throws SQLException {
		long start = System.nanoTime();
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
			System.out.println("OPENED " + (System.nanoTime() - start) / 1_000_000);
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}
}
