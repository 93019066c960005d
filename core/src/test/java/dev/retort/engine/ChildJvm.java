package dev.retort.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.retort.testing.TestDatabase;

/** Starts {@link MigratorMain} in a separate JVM on the test class path. */
public final class ChildJvm {

	private ChildJvm() {
	}

	/** Starts a migrator; its output (stdout and stderr) goes to {@code log}. */
	public static Process start(TestDatabase db, String location, String target, int lockTimeoutSeconds, Path log) {
		return start(db.url(), db.user(), db.password(), location, target, lockTimeoutSeconds, log, false);
	}

	/**
	 * Starts a migrator on a JDBC URL; with {@code testLogging} it logs as the tests do
	 * ({@code logback-test.xml}: Retort at INFO, drivers at WARN), so its output shows what a user sees.
	 */
	public static Process start(String url, String user, String password, String location, String target,
			int lockTimeoutSeconds, Path log, boolean testLogging) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx128m");
		command.add("-XX:TieredStopAtLevel=1");
		if (!testLogging) {
			command.add("-Dlogback.configurationFile=none");
		}
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(MigratorMain.class.getName());
		command.add(url);
		command.add(user);
		command.add(password);
		command.add(location);
		command.add(target);
		command.add(String.valueOf(lockTimeoutSeconds));
		try {
			return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A temporary file for a child's output. */
	public static Path logFile() {
		try {
			File file = File.createTempFile("retort-child", ".log");
			file.deleteOnExit();
			return file.toPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The child's output. */
	public static String output(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
