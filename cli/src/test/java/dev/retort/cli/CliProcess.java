package dev.retort.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the built jar ({@code java -jar retort-cli-*.jar}) as a separate process, in a working
 * directory, with an environment of the test's choosing (no {@code RETORT_*} variable leaks in
 * from the outer environment).
 */
final class CliProcess {

	private final Path workingDirectory;

	private final Map<String, String> environment = new LinkedHashMap<>();

	private final List<String> globalOptions = new ArrayList<>();

	private final List<String> jvmOptions = new ArrayList<>();

	CliProcess(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	CliProcess env(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	/** Options put before every verb (global options such as {@code -c FILE}). */
	CliProcess global(String... options) {
		this.globalOptions.addAll(List.of(options));
		return this;
	}

	/** JVM options ({@code -Dname=value}) for the process. */
	CliProcess jvm(String... options) {
		this.jvmOptions.addAll(List.of(options));
		return this;
	}

	/** The jar under test: the {@code retort.cli.jar} property set by the failsafe plugin. */
	static Path jar() {
		String property = System.getProperty("retort.cli.jar");
		assertThat(property).as("system property retort.cli.jar (set by maven-failsafe-plugin)").isNotNull();
		Path jar = Path.of(property);
		assertThat(jar).as("the built CLI jar").isRegularFile();
		return jar;
	}

	/** Runs {@code retort args...} and waits for it. */
	Result run(String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// a short-lived process: C1 only and the serial collector start noticeably faster
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(jar().toString());
		command.addAll(this.globalOptions);
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("RETORT_"));
		builder.environment().putAll(this.environment);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("retort " + String.join(" ", args) + " did not finish in 120 s");
			}
			List<String> all = new ArrayList<>(this.globalOptions);
			all.addAll(List.of(args));
			return new Result(all, process.exitValue(), out.join(), err.join());
		}
		catch (IOException ex) {
			throw new AssertionError("cannot start " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** All of a process's stream, as UTF-8 text (closing it). */
	static String read(java.io.InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a run printed and returned. */
	record Result(List<String> args, int exitCode, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

		/** Asserts success and returns the output lines. */
		List<String> ok() {
			assertThat(this.exitCode).as(describe()).isZero();
			return lines();
		}

		/** Asserts failure with exactly one stderr line {@code ERROR [code] ...}; returns that line. */
		String fails(String code) {
			assertThat(this.exitCode).as(describe()).isNotZero();
			List<String> errLines = this.err.lines().toList();
			assertThat(errLines).as(describe()).hasSize(1);
			assertThat(errLines.get(0)).as(describe()).matches("ERROR \\[" + code + "\\] .+");
			return errLines.get(0);
		}

		String describe() {
			return "retort " + String.join(" ", this.args) + "\nexit " + this.exitCode + "\n--- stdout\n" + this.out
					+ "--- stderr\n" + this.err;
		}
	}

	/** Replaces the body of a generated SQL revision with real statements. */
	static void fill(Path revisionFile, String upgrade, String downgrade) {
		try {
			String text = Files.readString(revisionFile);
			int marker = text.indexOf("-- +upgrade");
			assertThat(marker).as("upgrade marker in " + revisionFile).isPositive();
			Files.writeString(revisionFile, text.substring(0, marker) + "-- +upgrade\n" + upgrade + "\n\n-- +downgrade\n"
					+ downgrade + "\n");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
