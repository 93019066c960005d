package dev.retort.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution archive as a user gets it: {@code target/retort-<version>.tar.gz} unpacked with
 * {@code tar}, and {@code bin/retort} run as a process (through {@code /bin/sh}'s shebang, with no
 * {@code RETORT_*} variable from outside, in a project folder whose path holds a space) on H2, SQLite and
 * PostgreSQL; the class-data-sharing archive written by a first run and mapped by the next; a
 * corrupt or unwritable archive location that changes nothing but speed.
 */
class DistributionIT {

	private static final String FIRST = "a1b2c3d4e5f6";

	private static final String SECOND = "b2c3d4e5f6a7";

	@TempDir
	static Path unpacked;

	private static Path home;

	/** The same archive unpacked below a folder whose name holds a space. */
	private static Path spacedHome;

	@TempDir
	Path work;

	private Path project;

	private Path cdsDir;

	@BeforeAll
	static void unpack() throws Exception {
		home = unpackInto(unpacked.resolve("dist"));
		spacedHome = unpackInto(unpacked.resolve("dist home"));
	}

	private static Path unpackInto(Path target) throws Exception {
		String archive = System.getProperty("retort.cli.distribution");
		assertThat(archive).as("system property retort.cli.distribution (set by maven-failsafe-plugin)").isNotNull();
		assertThat(Path.of(archive)).as("the built distribution archive").isRegularFile();
		Files.createDirectories(target);
		Process tar = new ProcessBuilder("tar", "-xzf", archive, "-C", target.toString()).inheritIO().start();
		assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(tar.exitValue()).as("tar -xzf " + archive).isZero();
		try (Stream<Path> top = Files.list(target)) {
			List<Path> folders = top.toList();
			assertThat(folders).as("one top folder retort-<version>").hasSize(1);
			assertThat(folders.get(0).getFileName().toString()).startsWith("retort-");
			return folders.get(0);
		}
	}

	@BeforeEach
	void project() throws IOException {
		this.project = Files.createDirectories(this.work.resolve("my project"));
		Path revisions = Files.createDirectories(this.project.resolve("revisions"));
		Files.writeString(revisions.resolve(FIRST + "_create_notes.sql"), """
				-- create notes
				--
				-- Revision ID: %s
				-- Revises:

				-- +upgrade
				CREATE TABLE notes (id INT PRIMARY KEY, title VARCHAR(100));

				-- +downgrade
				DROP TABLE notes;
				""".formatted(FIRST));
		Files.writeString(revisions.resolve(SECOND + "_add_tags.sql"), """
				-- add tags
				--
				-- Revision ID: %s
				-- Revises: %s

				-- +upgrade
				CREATE TABLE tags (id INT PRIMARY KEY, note_id INT);

				-- +downgrade
				DROP TABLE tags;
				""".formatted(SECOND, FIRST));
		this.cdsDir = this.work.resolve("cds");
	}

	@Test
	void layoutIsBinLibConf() throws IOException {
		assertThat(home.resolve("bin/retort")).isRegularFile().isExecutable();
		assertThat(home.resolve("bin/retort.cmd")).isRegularFile();
		assertThat(Files.readString(home.resolve("bin/retort.cmd"))).contains("\r\n").contains("dev.retort.cli.Main");
		assertThat(home.resolve("conf/retort.properties")).isRegularFile();
		assertThat(home.resolve("README.txt")).isRegularFile();
		List<String> jars;
		try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
			jars = lib.map((jar) -> jar.getFileName().toString()).sorted().toList();
		}
		assertThat(jars).allMatch((name) -> name.endsWith(".jar"));
		for (String prefix : List.of("retort-cli-", "retort-core-", "picocli-", "postgresql-", "h2-", "sqlite-jdbc-",
				"mariadb-java-client-", "slf4j-api-", "slf4j-simple-")) {
			assertThat(jars).as("lib/ holds " + prefix + "*.jar once").filteredOn((name) -> name.startsWith(prefix))
				.hasSize(1);
		}
		// the CLI's own jar is the plain one, not the shaded jar (which would duplicate every class)
		assertThat(Files.size(home.resolve("lib").resolve(jars.stream().filter((n) -> n.startsWith("retort-cli-"))
			.findFirst()
			.orElseThrow()))).isLessThan(2_000_000);
	}

	@Test
	void upgradeAndCurrentOnH2FileThroughTheLauncher() {
		String url = "jdbc:h2:file:" + this.work.resolve("h2db").toAbsolutePath();
		assertThat(run(Map.of(), "--url", url, "--user", "sa", "heads").ok()).containsExactly(SECOND + " (head)");
		assertThat(run(Map.of(), "--url", url, "--user", "sa", "current").ok()).isEmpty();
		assertThat(run(Map.of(), "--url", url, "--user", "sa", "upgrade", "heads").ok())
			.anyMatch((line) -> line.contains("Running upgrade " + FIRST + " -> " + SECOND));
		assertThat(run(Map.of(), "--url", url, "--user", "sa", "current").ok()).containsExactly(SECOND + " (head)");
	}

	@Test
	void upgradeAndCurrentOnSqlite() {
		Map<String, String> env = Map.of("RETORT_URL", "jdbc:sqlite:" + this.work.resolve("db.sqlite").toAbsolutePath());
		run(env, "upgrade", FIRST).ok();
		assertThat(run(env, "current").ok()).containsExactly(FIRST);
		run(env, "upgrade", "heads").ok();
		assertThat(run(env, "current").ok()).containsExactly(SECOND + " (head)");
	}

	@Test
	void upgradeAndCurrentOnPostgres() {
		try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRES)) {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("RETORT_URL", database.url());
			env.put("RETORT_USER", database.user());
			if (database.password() != null && !database.password().isEmpty()) {
				env.put("RETORT_PASSWORD", database.password());
			}
			run(env, "upgrade", "heads").ok();
			assertThat(run(env, "current").ok()).containsExactly(SECOND + " (head)");
			assertThat(run(env, "current", "--check-heads").exitCode()).isZero();
		}
	}

	@Test
	void firstRunWritesTheArchiveAndTheNextMapsIt() throws IOException {
		Map<String, String> env = Map.of("RETORT_CDS_DIR", this.cdsDir.toString());
		assertThat(run(env, "heads").ok()).containsExactly(SECOND + " (head)");
		List<Path> archives = files(this.cdsDir);
		assertThat(archives).as("one complete archive, no temporary file left").hasSize(1);
		assertThat(archives.get(0).getFileName().toString()).matches("retort-\\d+-heads\\.jsa");
		FileTime written = Files.getLastModifiedTime(archives.get(0));

		Path classLog = this.work.resolve("class-load.log");
		Result second = run(Map.of("RETORT_CDS_DIR", this.cdsDir.toString(), "RETORT_JAVA_OPTS",
				"-Xlog:class+load=info:file=" + classLog), "--verbose", "heads");
		assertThat(second.ok()).containsExactly(SECOND + " (head)");
		assertThat(files(this.cdsDir)).as("the archive is reused, not written again").containsExactly(archives.get(0));
		assertThat(Files.getLastModifiedTime(archives.get(0))).isEqualTo(written);
		// the CLI's classes come from the dynamic (top) archive written by the first run
		assertThat(Files.readAllLines(classLog)).anyMatch(
				(line) -> line.contains("dev.retort.cli.Main source: shared objects file (top)"));

		// another verb loads other classes (a database verb its driver's): it writes its own archive
		Result history = run(env, "history");
		assertThat(history.ok()).containsExactly(FIRST + " -> " + SECOND + " (head), add tags",
				"<base> -> " + FIRST + ", create notes");
		assertThat(history.err()).isEmpty();
		assertThat(files(this.cdsDir)).hasSize(2).contains(archives.get(0))
			.anyMatch((path) -> path.getFileName().toString().matches("retort-\\d+-history\\.jsa"));
		assertThat(Files.getLastModifiedTime(archives.get(0))).isEqualTo(written);
	}

	@Test
	void anInstallationPathWithASpaceWorks() {
		// JDK 17 then archives only the JDK's own classes (the class path holds a space): slower, not wrong
		Map<String, String> env = Map.of("RETORT_CDS_DIR", this.cdsDir.toString());
		assertThat(runIn(spacedHome, env, "heads").ok()).containsExactly(SECOND + " (head)");
		Result second = runIn(spacedHome, env, "heads");
		assertThat(second.ok()).containsExactly(SECOND + " (head)");
		assertThat(second.err()).isEmpty();
	}

	@Test
	void aCorruptArchiveIsSkippedSilently() throws IOException {
		Map<String, String> env = Map.of("RETORT_CDS_DIR", this.cdsDir.toString());
		run(env, "heads").ok();
		Path archive = files(this.cdsDir).get(0);
		Files.setPosixFilePermissions(archive, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		Files.writeString(archive, "not an archive", StandardCharsets.UTF_8);
		Result result = run(env, "heads");
		assertThat(result.ok()).containsExactly(SECOND + " (head)");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void anUnusableArchiveFolderOnlyCostsSpeed() throws IOException {
		// Root may write anywhere, so "unwritable" is a path below a regular file: mkdir fails for anyone.
		Path blocker = Files.writeString(this.work.resolve("a-file"), "x");
		Result result = run(Map.of("RETORT_CDS_DIR", blocker.resolve("cds").toString()), "heads");
		assertThat(result.ok()).containsExactly(SECOND + " (head)");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void withTheDefaultFolderUnusableTheArchiveGoesToTheUserCache() throws IOException {
		Path defaultFolder = home.resolve("cds");
		deleteRecursively(defaultFolder);
		Files.writeString(defaultFolder, "a file where the folder would be");
		try {
			Path userHome = Files.createDirectories(this.work.resolve("user home"));
			Map<String, String> env = new LinkedHashMap<>();
			env.put("RETORT_CDS_DIR", "");
			env.put("HOME", userHome.toString());
			env.put("XDG_CACHE_HOME", "");
			assertThat(run(env, "heads").ok()).containsExactly(SECOND + " (head)");
			assertThat(files(userHome.resolve(".cache/retort"))).hasSize(1);
		}
		finally {
			Files.delete(defaultFolder);
		}
	}

	@Test
	void cdsOffWritesNoArchiveAndJavaHomeIsHonoured() throws IOException {
		// a JAVA_HOME whose bin/java leaves a mark, then runs the real one
		Path fakeJdk = Files.createDirectories(this.work.resolve("fake jdk/bin"));
		Path mark = this.work.resolve("java-was-called");
		Path java = Files.writeString(fakeJdk.resolve("java"), "#!/bin/sh\ntouch '" + mark + "'\nexec '"
				+ Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
		assertThat(java.toFile().setExecutable(true)).isTrue();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("RETORT_CDS", "off");
		env.put("JAVA_HOME", fakeJdk.getParent().toString());
		assertThat(run(env, "heads").ok()).containsExactly(SECOND + " (head)");
		assertThat(mark).as("bin/java of JAVA_HOME ran").exists();
		assertThat(this.cdsDir).as("RETORT_CDS=off writes no archive").doesNotExist();

		Result noJava = run(Map.of("JAVA_HOME", this.work.resolve("no-jdk").toString()), "heads");
		assertThat(noJava.exitCode()).isEqualTo(1);
		assertThat(noJava.err()).contains("JAVA_HOME").contains("no bin/java");
	}

	@Test
	void aCollectorChosenInTheOptionsReplacesTheSerialOne() {
		Map<String, String> env = Map.of("RETORT_JAVA_OPTS", "-XX:+UseParallelGC -Xlog:gc:stderr", "RETORT_CDS", "off");
		Result result = run(env, "heads");
		assertThat(result.ok()).containsExactly(SECOND + " (head)");
		assertThat(result.err()).contains("Using Parallel");
	}

	@Test
	void javaOptionsReachTheJvmAndArgumentsKeepTheirSpaces() {
		Map<String, String> env = Map.of("JAVA_OPTS", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "RETORT_CDS",
				"off");
		Result result = run(env, "--locations", this.project.resolve("revisions").toString(), "heads");
		assertThat(result.ok()).containsExactly(SECOND + " (head)");
		// the info level asked for through JAVA_OPTS shows the loader's line on stderr
		assertThat(result.err()).contains("Loaded 2 revisions");
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

	/**
	 * Runs {@code bin/retort args...} in the project folder. The archive goes to the test's own folder
	 * unless {@code env} sets {@code RETORT_CDS_DIR} (empty: the launcher's default).
	 */
	private Result run(Map<String, String> env, String... args) {
		return runIn(home, env, args);
	}

	private Result runIn(Path distribution, Map<String, String> env, String... args) {
		List<String> command = new ArrayList<>();
		command.add(distribution.resolve("bin/retort").toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.project.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("RETORT_") || name.equals("JAVA_OPTS"));
		builder.environment().put("RETORT_CDS_DIR", this.cdsDir.toString());
		builder.environment().putAll(env);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> CliProcess.read(process.getInputStream()));
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> CliProcess.read(process.getErrorStream()));
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("bin/retort " + String.join(" ", args) + " did not finish in 120 s");
			}
			return new Result(List.of(args), process.exitValue(), out.join(), err.join());
		}
		catch (IOException ex) {
			throw new AssertionError("cannot start " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}


	private record Result(List<String> args, int exitCode, String out, String err) {

		List<String> ok() {
			assertThat(this.exitCode).as(describe()).isZero();
			return this.out.lines().toList();
		}

		String describe() {
			return "bin/retort " + String.join(" ", this.args) + "\nexit " + this.exitCode + "\n--- stdout\n" + this.out
					+ "--- stderr\n" + this.err;
		}
	}
}
