package dev.retort.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code retort} in the test's JVM, in a working directory, with an environment of the test's choosing. */
final class InProcessCli {

	private final Path workingDirectory;

	private final Map<String, String> environment;

	private final List<String> globalOptions = new ArrayList<>();

	InProcessCli(Path workingDirectory, Map<String, String> environment) {
		this.workingDirectory = workingDirectory;
		this.environment = environment;
	}

	/** Options put before every verb. */
	InProcessCli global(String... options) {
		this.globalOptions.addAll(List.of(options));
		return this;
	}

	Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		List<String> all = new ArrayList<>(this.globalOptions);
		all.addAll(List.of(args));
		int exitCode = new RetortCli(new CliContext(this.environment, this.workingDirectory, new PrintWriter(out),
				new PrintWriter(err))).run(all.toArray(String[]::new));
		return new Run(all, exitCode, out.toString(), err.toString());
	}

	/** What one run printed and returned. */
	record Run(List<String> args, int exitCode, String out, String err) {

		List<String> ok() {
			assertThat(this.exitCode).as(describe()).isZero();
			return this.out.lines().toList();
		}

		/** Asserts exit 1 with one stderr line {@code ERROR [code] ...}; returns it. */
		String fails(String code) {
			assertThat(this.exitCode).as(describe()).isEqualTo(RetortCli.FAILED);
			List<String> lines = this.err.lines().toList();
			assertThat(lines).as(describe()).hasSize(1);
			assertThat(lines.get(0)).as(describe()).startsWith("ERROR [" + code + "] ");
			return lines.get(0);
		}

		String describe() {
			return "retort " + String.join(" ", this.args) + "\nexit " + this.exitCode + "\n--- stdout\n" + this.out
					+ "--- stderr\n" + this.err;
		}
	}
}
