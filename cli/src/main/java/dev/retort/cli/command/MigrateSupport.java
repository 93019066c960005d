package dev.retort.cli.command;

import java.io.PrintWriter;

import dev.retort.Retort;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.format.RevisionIndex;

/** Shared by {@code upgrade} and {@code downgrade}: the engine with a step printer attached. */
final class MigrateSupport {

	private MigrateSupport() {
	}

	/** The engine over the database, printing each step on {@code out}. */
	static Retort printingSteps(RetortCommand root, PrintWriter out) {
		StepPrinter printer = new StepPrinter(out);
		Retort retort = root.database(printer);
		printer.index(new RevisionIndex(retort.history(null)));
		return retort;
	}

	/** Prints offline SQL, ending with a newline. */
	static void printSql(PrintWriter out, String sql) {
		out.print(sql);
		if (!sql.isEmpty() && !sql.endsWith("\n")) {
			out.println();
		}
	}
}
