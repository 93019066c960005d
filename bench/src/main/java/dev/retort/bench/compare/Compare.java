package dev.retort.bench.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;

/**
 * Runs the whole comparison and writes {@code results.md} and {@code raw.csv}: for every scenario
 * and database, cold runs (a fresh JVM per call; all contenders interleaved run by run) and warm
 * runs (one JVM per scenario and database, contenders interleaved). See docs/performance.md.
 * <p>
 * Options: {@code --out DIR} (default {@code bench/results}), {@code --runs N} (cold runs, default 5),
 * {@code --warmup N} (default 3), {@code --iterations N} (warm, default 5), {@code --scenarios a,b}
 * (default {@code apply-100,apply-1000,noop-1000,status-1000,noop-10000}), {@code --databases a,b}
 * (default {@code postgres,h2}; {@code postgres-remote} is the same PostgreSQL reached through
 * {@link LatencyProxy}, adding {@code --rtt-ms} (default 1) to every round trip), {@code --contenders A,B} (default
 * {@code RETORT,FLYWAY,LIQUIBASE,JDBC,JDBC_HISTORY}).
 */
public final class Compare {

	private final Path out;

	private final Path workBase;

	private final int runs;

	private final int warmup;

	private final int iterations;

	private final List<Scenario> scenarios = new ArrayList<>();

	private final List<String> databases = new ArrayList<>();

	private final List<Contender> contenders = new ArrayList<>();

	private final List<Sample> samples = new ArrayList<>();

	private final Map<String, Map<Contender, String>> prepared = new LinkedHashMap<>();

	private final List<String> cleanup = new ArrayList<>();

	private int h2Port;

	/** The round trip that {@code postgres-remote} adds, in ms. */
	private final double roundTripMs;

	private @Nullable LatencyProxy proxy;

	/** What postgres-remote's relay measured, for the report. */
	private @Nullable String remoteNote;

	/** One measured value. */
	record Sample(String database, Scenario scenario, Contender contender, String mode, double ms) {
	}

	private Compare(Map<String, String> options) {
		this.out = Path.of(options.getOrDefault("out", "bench/results")).toAbsolutePath();
		this.workBase = this.out.resolve("work");
		this.runs = Integer.parseInt(options.getOrDefault("runs", "5"));
		this.warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
		this.iterations = Integer.parseInt(options.getOrDefault("iterations", "5"));
		this.roundTripMs = Double.parseDouble(options.getOrDefault("rtt-ms", "1"));
		for (String s : options.getOrDefault("scenarios", "apply-100,apply-1000,noop-1000,status-1000,noop-10000")
			.split(",")) {
			this.scenarios.add(Scenario.parse(s.strip()));
		}
		for (String d : options.getOrDefault("databases", "postgres,h2").split(",")) {
			this.databases.add(d.strip());
		}
		for (String c : options.getOrDefault("contenders", "RETORT,FLYWAY,LIQUIBASE,JDBC,JDBC_HISTORY").split(",")) {
			this.contenders.add(Contender.valueOf(c.strip().toUpperCase()));
		}
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		new Compare(options).run();
	}

	private void run() throws Exception {
		Files.createDirectories(this.workBase);
		this.h2Port = freePort();
		Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(this.h2Port), "-ifNotExists").start();
		if (this.databases.contains("postgres-remote")) {
			Matcher server = Pattern.compile("//([^:/]+)(?::(\\d+))?/").matcher(BenchDatabases.POSTGRES_ADMIN);
			if (!server.find()) {
				throw new IllegalStateException("cannot read host and port from " + BenchDatabases.POSTGRES_ADMIN);
			}
			this.proxy = new LatencyProxy(server.group(1),
					(server.group(2) != null) ? Integer.parseInt(server.group(2)) : 5432, this.roundTripMs);
			System.setProperty(BenchDatabases.PROXY_PORT, String.valueOf(this.proxy.port()));
			this.remoteNote = String.format("postgres-remote: the same PostgreSQL through a relay set to add %.1f ms"
					+ " per round trip; measured round trip (SELECT 1) %.2f ms, direct %.2f ms.", this.roundTripMs,
					roundTripMs(BenchDatabases.reachedAs("postgres-remote", BenchDatabases.POSTGRES_ADMIN)),
					roundTripMs(BenchDatabases.POSTGRES_ADMIN));
			log(this.remoteNote);
		}
		try {
			for (Scenario scenario : this.scenarios) {
				Workload.generate(this.workBase, scenario.size());
			}
			for (Scenario scenario : this.scenarios) {
				for (String database : this.databases) {
					cold(scenario, database);
					warm(scenario, database);
					writeReport();
				}
			}
		}
		finally {
			for (String name : this.cleanup) {
				BenchDatabases.dropPostgres(name);
			}
			h2.stop();
			if (this.proxy != null) {
				this.proxy.close();
			}
		}
		log("wrote " + this.out.resolve("results.md"));
	}

	private int coldRuns(Scenario scenario) {
		return (scenario.size() > 1000) ? Math.min(this.runs, 3) : this.runs;
	}

	private void cold(Scenario scenario, String database) throws Exception {
		Workload work = Workload.generate(this.workBase, scenario.size());
		Map<Contender, String> migrated = scenario.needsMigratedDatabase() ? migrated(database, scenario.size(), true)
				: Map.of();
		int count = coldRuns(scenario);
		for (int run = 0; run < count; run++) {
			for (int k = 0; k < this.contenders.size(); k++) {
				Contender contender = this.contenders.get((run + k) % this.contenders.size());
				String name = null;
				String url = migrated.get(contender);
				if (url == null) {
					name = BenchDatabases.uniqueName("cold");
					url = database.equals("h2") ? BenchDatabases.h2Tcp(this.h2Port, name)
							: BenchDatabases.createPostgres(database, name);
				}
				List<String> command = javaCommand(ColdRun.class.getName(), contender.name(), scenario.toString(), url,
						this.workBase.toString());
				long start = System.nanoTime();
				List<String> lines = runChild(command);
				double processMs = (System.nanoTime() - start) / 1e6;
				double callMs = lines.stream().filter((l) -> l.startsWith("CALL_NS ")).findFirst()
					.map((l) -> Long.parseLong(l.substring(8).strip()) / 1e6)
					.orElseThrow(() -> new IllegalStateException(contender + " cold run printed " + lines));
				if (name != null) {
					int tables = BenchDatabases.benchTables(url);
					if (tables != work.count()) {
						throw new IllegalStateException(contender + " created " + tables + " tables, not " + work.count());
					}
					if (database.equals("h2")) {
						BenchDatabases.dropH2(url);
					}
					else {
						BenchDatabases.dropPostgres(name);
					}
				}
				this.samples.add(new Sample(database, scenario, contender, "cold-call", callMs));
				this.samples.add(new Sample(database, scenario, contender, "cold-process", processMs));
				log(String.format("cold %-11s %-8s %-9s run %d: call %9.1f ms, process %9.1f ms", scenario, database,
						contender, run + 1, callMs, processMs));
			}
		}
	}

	private void warm(Scenario scenario, String database) throws Exception {
		int warm = this.warmup;
		int measured = this.iterations;
		if (scenario.size() > 1000 || scenario.kind() == Scenario.Kind.APPLY && scenario.size() >= 1000) {
			warm = Math.min(warm, 2);
			measured = Math.min(measured, 3);
		}
		List<String> args = new ArrayList<>(List.of(database, scenario.toString(), this.workBase.toString(),
				String.valueOf(warm), String.valueOf(measured)));
		if (scenario.needsMigratedDatabase() && !database.equals("h2")) {
			migrated(database, scenario.size(), false).forEach((contender, url) -> args.add(contender + "=" + url));
		}
		else {
			this.contenders.forEach((contender) -> args.add(contender + "="));
		}
		List<String> command = javaCommand(WarmRun.class.getName(), args.toArray(String[]::new));
		for (String line : runChild(command)) {
			if (line.startsWith("WARM ")) {
				String[] parts = line.split(" ");
				Contender contender = Contender.valueOf(parts[1]);
				if (this.contenders.contains(contender)) {
					double ms = Long.parseLong(parts[2]) / 1e6;
					this.samples.add(new Sample(database, scenario, contender, "warm", ms));
					log(String.format("warm %-11s %-8s %-9s %9.1f ms", scenario, database, contender, ms));
				}
			}
		}
	}

	/** Databases at the latest of {@code size} migrations, one per contender, migrated by it (once). */
	private Map<Contender, String> migrated(String database, int size, boolean tcp)
			throws IOException, InterruptedException {
		String key = database + "-" + size + (tcp ? "" : "-local");
		Map<Contender, String> known = this.prepared.get(key);
		if (known != null) {
			return known;
		}
		if (!database.equals("h2") && !tcp) {
			known = migrated(database, size, true);
			this.prepared.put(key, known);
			return known;
		}
		Workload work = Workload.generate(this.workBase, size);
		Map<Contender, String> urls = new EnumMap<>(Contender.class);
		for (Contender contender : this.contenders) {
			String name = BenchDatabases.uniqueName("prep_" + contender.name().toLowerCase());
			String url;
			if (database.equals("h2")) {
				url = BenchDatabases.h2Tcp(this.h2Port, name);
			}
			else {
				url = BenchDatabases.createPostgres(name);
				this.cleanup.add(name);
			}
			long start = System.nanoTime();
			// Prepared directly (for postgres-remote too): only the measured calls pay the latency.
			List<String> lines = runChild(javaCommand(ColdRun.class.getName(), contender.name(), "apply-" + size, url,
					this.workBase.toString()));
			if (lines.stream().noneMatch((l) -> l.startsWith("CALL_NS "))) {
				throw new IllegalStateException(contender + " could not prepare " + url + ": " + lines);
			}
			log(String.format("prepared %s at %d migrations for %s in %.1f s", database, size, contender,
					(System.nanoTime() - start) / 1e9));
			urls.put(contender, BenchDatabases.reachedAs(database, url));
		}
		this.prepared.put(key, urls);
		return urls;
	}

	/** Median time of {@code SELECT 1} on an open connection, in ms. */
	private static double roundTripMs(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			double[] ms = new double[200];
			for (int i = -50; i < ms.length; i++) {
				long start = System.nanoTime();
				statement.execute("SELECT 1");
				if (i >= 0) {
					ms[i] = (System.nanoTime() - start) / 1e6;
				}
			}
			return Report.median(ms);
		}
	}

	private List<String> javaCommand(String main, String... args) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx1g");
		String proxyPort = System.getProperty(BenchDatabases.PROXY_PORT);
		if (proxyPort != null) {
			command.add("-D" + BenchDatabases.PROXY_PORT + "=" + proxyPort);
		}
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main);
		command.addAll(List.of(args));
		return command;
	}

	private List<String> runChild(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
			}
		}
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException("child failed (" + exit + "): " + String.join(" ", command.subList(4,
					command.size())) + "\n" + String.join("\n", lines));
		}
		return lines;
	}

	private void writeReport() {
		try {
			String markdown = new Report(this.samples, this.contenders).markdown();
			Files.writeString(this.out.resolve("results.md"),
					(this.remoteNote != null) ? this.remoteNote + "\n\n" + markdown : markdown);
			StringBuilder csv = new StringBuilder("database,scenario,contender,mode,ms\n");
			for (Sample s : this.samples) {
				csv.append(s.database()).append(',').append(s.scenario()).append(',').append(s.contender()).append(',')
					.append(s.mode()).append(',').append(String.format("%.3f", s.ms())).append('\n');
			}
			Files.writeString(this.out.resolve("raw.csv"), csv);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void log(String line) {
		System.out.println(line);
		System.out.flush();
	}

}
