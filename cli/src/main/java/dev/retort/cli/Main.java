package dev.retort.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The runnable jar's entry point: {@code java -jar retort-cli.jar [global options] <verb> [args]}.
 * <p>
 * Log lines (slf4j-simple, to {@code System.err}) are held back while the verb runs: after a success
 * they are written to stderr; after a failure they are dropped, because the engine's own account of
 * a failure is exactly what the single {@code ERROR [CODE] message} line says. {@code --verbose}
 * streams the log as it happens (at info level) and adds the stack trace.
 */
public final class Main {

	/** Global options that take a value (the value may look like a verb). */
	static final Set<String> OPTIONS_WITH_VALUE = Set.of("-c", "--url", "--user", "--password",
			"--locations", "--version-table", "--history-table", "--schema", "--classpath", "--scan-packages");

	private static final String LOG_PROPERTY_PREFIX = "org.slf4j.simpleLogger.";

	private static final Set<String> BELOW_WARN = Set.of("trace", "debug", "info");

	private Main() {
	}

	public static void main(String[] args) {
		boolean verbose = globalFlag(args, Set.of("--verbose"));
		boolean quiet = globalFlag(args, Set.of("-q", "--quiet"));
		if (quiet && !verbose) {
			quietLogging();
		}
		else if (verbose && System.getProperty(LOG_PROPERTY_PREFIX + "defaultLogLevel") == null) {
			// Before any logger exists: slf4j-simple reads its level once.
			System.setProperty(LOG_PROPERTY_PREFIX + "defaultLogLevel", "info");
		}
		Charset charset = stdoutCharset();
		OutputStream realErr = new FileOutputStream(FileDescriptor.err);
		PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset));
		PrintWriter err = new PrintWriter(new OutputStreamWriter(realErr, charset));
		ByteArrayOutputStream heldLog = new ByteArrayOutputStream();
		if (!verbose) {
			System.setErr(new PrintStream(heldLog, true, charset));
		}
		CliContext context = new CliContext(System.getenv(), Path.of(""), out, err);
		int exitCode = new RetortCli(context).run(args);
		out.flush();
		if (exitCode == RetortCli.OK && heldLog.size() > 0) {
			try {
				realErr.write(heldLog.toByteArray());
				realErr.flush();
			}
			catch (IOException ex) {
				// stderr is gone; nothing left to tell
			}
		}
		err.flush();
		System.exit(exitCode);
	}

	/**
	 * {@code -q}: WARN and above only, whatever system properties (e.g. from {@code JAVA_TOOL_OPTIONS})
	 * asked for, for the default level and for named loggers. Set before any logger exists.
	 */
	private static void quietLogging() {
		System.setProperty(LOG_PROPERTY_PREFIX + "defaultLogLevel", "warn");
		for (String name : System.getProperties().stringPropertyNames()) {
			if (name.startsWith(LOG_PROPERTY_PREFIX + "log.")
					&& BELOW_WARN.contains(System.getProperty(name).strip().toLowerCase(java.util.Locale.ROOT))) {
				System.setProperty(name, "warn");
			}
		}
	}

	/** Whether {@code --verbose} is given as a global option (see {@link #globalFlag}). */
	static boolean globalVerbose(String[] args) {
		return globalFlag(args, Set.of("--verbose"));
	}

	/**
	 * Whether one of {@code names} is given as a global option (before the verb); after the verb,
	 * {@code --verbose} is the verb's own {@code -v}/{@code --verbose} ({@code history --verbose}).
	 */
	static boolean globalFlag(String[] args, Set<String> names) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (names.contains(arg)) {
				return true;
			}
			if (OPTIONS_WITH_VALUE.contains(arg)) {
				i++;
			}
			else if (!arg.startsWith("-")) {
				return false;
			}
		}
		return false;
	}

	/**
	 * The verb: the first argument that is neither a global option nor a global option's value, or
	 * null when there is none.
	 */
	static @Nullable String verbOf(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (OPTIONS_WITH_VALUE.contains(arg)) {
				i++;
			}
			else if (!arg.startsWith("-")) {
				return arg;
			}
		}
		return null;
	}

	/** The console's encoding where the JVM knows it, else the default charset. */
	private static Charset stdoutCharset() {
		String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
		try {
			return (name != null) ? Charset.forName(name) : Charset.defaultCharset();
		}
		catch (IllegalArgumentException ex) {
			return Charset.defaultCharset();
		}
	}
}
