package dev.retort.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.retort.RetortException;
import dev.retort.cli.config.Secrets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs one {@code retort} invocation: parses the arguments, runs the verb, and maps failures to
 * exactly one line on standard error, {@code ERROR [CODE] message}, and an exit code
 * ({@value #OK} success, {@value #FAILED} an error while running, {@value #USAGE} a usage error).
 * {@code --verbose} adds the stack trace after that line.
 */
public final class RetortCli {

	/** Exit code of a successful run. */
	public static final int OK = 0;

	/** Exit code when the verb failed. */
	public static final int FAILED = 1;

	/** Exit code when the command line could not be understood. */
	public static final int USAGE = 2;

	/** Code printed for a failure that is not a {@link RetortException} (a bug, or the engine missing). */
	public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	/** Code printed for a command line picocli could not parse. */
	public static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";

	/** Verbs whose arguments are revision targets: {@code -1} there is a target, not an option. */
	static final List<String> TARGET_VERBS = List.of("upgrade", "downgrade", "stamp", "show", "edit");

	private final CliContext context;

	public RetortCli(CliContext context) {
		this.context = context;
	}

	/** Runs the command line and returns the exit code. */
	public int run(String... args) {
		RetortCommand root = new RetortCommand(this.context);
		CommandLine commandLine = commandLine(root, Main.verbOf(args));
		try {
			int exitCode = commandLine.execute(args);
			this.context.out().flush();
			this.context.err().flush();
			return exitCode;
		}
		finally {
			root.close();
		}
	}

	/** The picocli command line for {@code root} with every verb, Retort's parsing rules and error handling. */
	CommandLine commandLine(RetortCommand root) {
		return commandLine(root, null);
	}

	/**
	 * The picocli command line for {@code root} with only {@code verb} when it names one (building a
	 * verb's model costs start-up time, and a run needs one), else with every verb (no verb, {@code help},
	 * or an unknown word: the usage message and picocli's suggestions then see them all).
	 */
	CommandLine commandLine(RetortCommand root, @Nullable String verb) {
		CommandLine commandLine = new CommandLine(root, new RootFactory(root));
		Class<?> only = (verb != null) ? verbClass(verb) : null;
		for (Class<?> each : RetortCommand.VERBS) {
			if (only == null || each == only) {
				commandLine.addSubcommand(new CommandLine(each, commandLine.getFactory()));
			}
		}
		commandLine.addSubcommand(new CommandLine.HelpCommand());
		commandLine.setOut(this.context.out());
		commandLine.setErr(this.context.err());
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		for (String targetVerb : TARGET_VERBS) {
			// picocli would take "-1" for an unknown option; for these verbs it is a relative target.
			CommandLine sub = commandLine.getSubcommands().get(targetVerb);
			if (sub != null) {
				sub.setUnmatchedOptionsArePositionalParams(true);
			}
		}
		commandLine.setParameterExceptionHandler((ex, arguments) -> usageError(root, ex));
		commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> executionError(root, ex, parseResult));
		return commandLine;
	}

	private int usageError(RetortCommand root, ParameterException ex) {
		PrintWriter err = this.context.err();
		err.println("ERROR [" + INVALID_ARGUMENT + "] " + oneLine(ex.getMessage(), null)
				+ " (see 'retort " + verbOf(ex.getCommandLine()) + "--help')");
		if (root.verbose()) {
			ex.printStackTrace(err);
		}
		err.flush();
		return USAGE;
	}

	private int executionError(RetortCommand root, Exception ex, @Nullable ParseResult parseResult) {
		PrintWriter err = this.context.err();
		String password = root.password;
		if (password == null) {
			try {
				password = root.settings().password();
			}
			catch (RuntimeException settingsFailure) {
				// the settings themselves may be what failed; nothing more to redact then
			}
		}
		this.context.out().flush();
		if (ex instanceof RetortException retort) {
			err.println("ERROR [" + retort.code().name() + "] " + oneLine(retort.getMessage(), password));
		}
		else {
			err.println("ERROR [" + INTERNAL_ERROR + "] " + oneLine(ex.getClass().getName() + ": " + ex.getMessage(),
					password) + (root.verbose() ? "" : " (run with --verbose for the stack trace)"));
		}
		if (root.verbose()) {
			ex.printStackTrace(err);
		}
		err.flush();
		return FAILED;
	}

	private static String verbOf(CommandLine commandLine) {
		return (commandLine.getParent() != null) ? commandLine.getCommandName() + " " : "";
	}

	/** The message on one line (the contract is one line on stderr), the password masked. */
	static String oneLine(@Nullable String message, @Nullable String password) {
		String text = (message != null) ? message : "(no message)";
		return Secrets.redact(text.strip().replaceAll("\\s*\\R\\s*", " "), password);
	}

	/** The verb class named {@code name} (its {@code @Command} name), or null. */
	private static @Nullable Class<?> verbClass(String name) {
		for (Class<?> each : RetortCommand.VERBS) {
			if (each.getAnnotation(CommandLine.Command.class).name().equals(name)) {
				return each;
			}
		}
		return null;
	}

	/** Gives picocli the root instance (which carries the context) and default instances otherwise. */
	private record RootFactory(RetortCommand root) implements IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			if (type == RetortCommand.class) {
				return type.cast(this.root);
			}
			return CommandLine.defaultFactory().create(type);
		}
	}
}
