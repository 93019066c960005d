package dev.retort.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a CLI run sees of its process: environment, working directory and the two output streams.
 * Passed in rather than read from {@link System}, so the CLI runs the same in-process (tests) and as
 * a program.
 *
 * @param environment environment variables
 * @param workingDirectory the folder relative paths are resolved against
 * @param out standard output: the command's output only
 * @param err standard error: diagnostics and the {@code ERROR [CODE] message} line
 */
public record CliContext(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err) {

	public CliContext {
		environment = Map.copyOf(environment);
		workingDirectory = workingDirectory.toAbsolutePath().normalize();
	}
}
