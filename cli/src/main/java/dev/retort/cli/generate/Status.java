package dev.retort.cli.generate;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Alembic's {@code util.status}: {@code "<what> ..."}, then {@code "  done"} or {@code "  FAILED"}
 * on the same line.
 */
public final class Status {

	private Status() {
	}

	/** Runs {@code action}, reporting it on {@code out}. */
	public static void run(PrintWriter out, String what, IoAction action) throws IOException {
		out.print(what + " ...");
		out.flush();
		try {
			action.run();
		}
		catch (IOException | RuntimeException ex) {
			out.println("  FAILED");
			out.flush();
			throw ex;
		}
		out.println("  done");
		out.flush();
	}

	/** A file operation. */
	@FunctionalInterface
	public interface IoAction {

		void run() throws IOException;
	}
}
