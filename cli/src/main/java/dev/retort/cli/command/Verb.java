package dev.retort.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.retort.cli.RetortCommand;
import picocli.CommandLine.ParentCommand;

/** A verb: runs against the root command's settings and prints to its standard output. */
abstract class Verb implements Callable<Integer> {

	@ParentCommand
	RetortCommand root;

	@Override
	public final Integer call() throws Exception {
		run();
		out().flush();
		return 0;
	}

	/** Does the verb's work. */
	protected abstract void run() throws Exception;

	/** Standard output: the verb's output only. */
	protected PrintWriter out() {
		return this.root.out();
	}
}
