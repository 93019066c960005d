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
	private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-c", "--url", "--user", "--password",
			"--locations", "--version-table", "--history-table", "--schema");

	private Main() {
	}

	public static void main(String[] args) {
		boolean verbose = globalVerbose(args);
		if (verbose && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
			// Before any logger exists: slf4j-simple reads its level once.
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
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
	 * Whether {@code --verbose} is given as a global option (before the verb); after the verb it is
	 * the verb's own {@code -v}/{@code --verbose} ({@code history --verbose}).
	 */
	static boolean globalVerbose(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--verbose")) {
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
