package dev.retort.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;

/** The runnable jar's entry point: {@code java -jar retort-cli.jar [global options] <verb> [args]}. */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("--verbose")
				&& System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
			// Before any logger exists: slf4j-simple reads its level once.
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
		}
		Charset charset = stdoutCharset();
		PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset));
		PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset));
		CliContext context = new CliContext(System.getenv(), Path.of(""), out, err);
		int exitCode = new RetortCli(context).run(args);
		out.flush();
		err.flush();
		System.exit(exitCode);
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
