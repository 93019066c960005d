package dev.retort.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.retort.CoreErrorCode;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortConfiguration;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;
import dev.retort.cli.command.BranchesCommand;
import dev.retort.cli.command.CheckCommand;
import dev.retort.cli.command.CurrentCommand;
import dev.retort.cli.command.DowngradeCommand;
import dev.retort.cli.command.EditCommand;
import dev.retort.cli.command.GraphCommand;
import dev.retort.cli.command.HeadsCommand;
import dev.retort.cli.command.HistoryCommand;
import dev.retort.cli.command.InitCommand;
import dev.retort.cli.command.MergeCommand;
import dev.retort.cli.command.RepairCommand;
import dev.retort.cli.command.ResolveCommand;
import dev.retort.cli.command.RevisionCommand;
import dev.retort.cli.command.ShowCommand;
import dev.retort.cli.command.StampCommand;
import dev.retort.cli.command.UpgradeCommand;
import dev.retort.cli.command.ValidateCommand;
import dev.retort.cli.config.CommandLineSettings;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.SettingsResolver;
import dev.retort.cli.format.AlembicFormat;
import dev.retort.cli.format.LongDocs;
import dev.retort.cli.format.RevisionIndex;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort}: the top-level command. Holds the global options (given before the verb, as with
 * {@code alembic -c FILE upgrade head}) and gives the verbs the engine, configured from them.
 */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Alembic's schema migrations for the JVM: revisions in a graph, upgrade, downgrade, "
				+ "stamp, history.",
		synopsisSubcommandLabel = "<verb>",
		footer = { "", "Connection: --url/--user/--password, else RETORT_URL/RETORT_USER/RETORT_PASSWORD, else the "
				+ "properties file (-c FILE, RETORT_CONFIG, or ./retort.properties). Locations default to "
				+ "filesystem:revisions next to the properties file (or in the working directory)." })
public final class RetortCommand implements Callable<Integer> {

	/**
	 * The verbs, in the order of the usage message. Not in {@code @Command(subcommands = ...)}: picocli
	 * would build every verb's model (by reflection) on every run; {@link RetortCli} adds only the verb
	 * being run, or all of them for help and usage errors.
	 */
	static final List<Class<?>> VERBS = List.of(InitCommand.class, RevisionCommand.class, MergeCommand.class,
			UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class, HistoryCommand.class,
			HeadsCommand.class, BranchesCommand.class, ShowCommand.class, StampCommand.class, ValidateCommand.class,
			RepairCommand.class, ResolveCommand.class, GraphCommand.class, EditCommand.class, CheckCommand.class);

	@Option(names = "-c", paramLabel = "FILE", description = "Properties file (url, user, password, locations, "
			+ "version-table, history-table, schema, classpath, scan-packages). Default: ./retort.properties if "
			+ "present.")
	@Nullable String configFile;

	@Option(names = "--url", paramLabel = "JDBC_URL", description = "JDBC URL of the database.")
	@Nullable String url;

	@Option(names = "--user", paramLabel = "USER", description = "Database user.")
	@Nullable String user;

	@Option(names = "--password", paramLabel = "PASSWORD",
			description = "Database password (prefer RETORT_PASSWORD: options are visible to other users).")
	@Nullable String password;

	@Option(names = "--locations", paramLabel = "LOCATIONS",
			description = "Revision locations, comma-separated (filesystem:DIR, classpath:PATH, or a folder).")
	@Nullable String locations;

	@Option(names = "--version-table", paramLabel = "TABLE", description = "Version table (default retort_version).")
	@Nullable String versionTable;

	@Option(names = "--history-table", paramLabel = "TABLE", description = "History table (default retort_history).")
	@Nullable String historyTable;

	@Option(names = "--schema", paramLabel = "SCHEMA", description = "Schema of the version and history tables.")
	@Nullable String schema;

	@Option(names = "--classpath", paramLabel = "PATH", description = "Jars and class folders holding Java "
			+ "revisions, separated by the path separator (':' or ';' on Windows); DIR/* for every jar in DIR.")
	@Nullable String classpath;

	@Option(names = "--scan-packages", paramLabel = "PACKAGES", description = "Packages scanned for Java revisions "
			+ "(@Revision classes implementing Migration), comma-separated.")
	@Nullable String scanPackages;

	@ArgGroup(exclusive = true)
	@Nullable Logging logging;

	private final CliContext context;

	private @Nullable Settings settings;

	private @Nullable URLClassLoader classLoader;

	RetortCommand(CliContext context) {
		this.context = context;
	}

	@Override
	public Integer call() {
		throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "No verb given; run 'retort --help' for the verbs");
	}

	/** Standard output. */
	public PrintWriter out() {
		return this.context.out();
	}

	/** Standard error. */
	public PrintWriter err() {
		return this.context.err();
	}

	/** The process context. */
	public CliContext context() {
		return this.context;
	}

	/** Whether {@code --verbose} was given. */
	public boolean verbose() {
		return this.logging != null && this.logging.verbose;
	}

	/** The resolved settings (options, then environment, then properties file). */
	public Settings settings() {
		if (this.settings == null) {
			this.settings = new SettingsResolver(this.context.environment(), this.context.workingDirectory())
				.resolve(new CommandLineSettings(this.configFile, this.url, this.user, this.password, this.locations,
						this.versionTable, this.historyTable, this.schema, this.classpath, this.scanPackages));
		}
		return this.settings;
	}

	/** The engine over the revision files only: no database is touched. */
	public Retort graph() {
		return configuration(false, MigrationListener.NONE).load();
	}

	/**
	 * The engine with the configured database.
	 * @throws RetortException {@code NO_DATABASE} when no URL is configured
	 */
	public Retort database(MigrationListener listener) {
		if (!settings().hasDatabase()) {
			throw new RetortException(CoreErrorCode.NO_DATABASE, "No database configured: give --url, set RETORT_URL, "
					+ "or put url= in retort.properties");
		}
		return configuration(true, listener).load();
	}

	/** The engine with the database when one is configured, else over the files only. */
	public Retort databaseIfConfigured() {
		return settings().hasDatabase() ? database(MigrationListener.NONE) : graph();
	}

	/** Alembic's output forms over the graph of {@code retort}. */
	public AlembicFormat format(Retort retort) {
		return new AlembicFormat(new RevisionIndex(() -> retort.history(null), (id) -> {
			try {
				return retort.revision(id);
			}
			catch (RetortException ex) {
				// not one revision's id (unknown, or a word such as an ambiguous prefix): the index decides
				return null;
			}
		}), LongDocs::of);
	}

	/** {@code info} looked up in {@code format}'s index, failing clearly for an id the code lacks. */
	public static RevisionInfo known(AlembicFormat format, String id) {
		RevisionInfo info = format.index().find(id);
		if (info == null) {
			throw new RetortException(CoreErrorCode.UNKNOWN_DATABASE_REVISION,
					"The database is at revision '" + id + "', which no revision file declares");
		}
		return info;
	}

	/**
	 * The class loader over {@code --classpath} (its parent: the CLI's own), created on first use and
	 * kept until {@link #close()}: Java revisions load their classes lazily while they run. {@code null}
	 * when no class path is configured.
	 */
	public @Nullable ClassLoader revisionClassLoader() {
		List<Path> entries = settings().classpath();
		if (entries.isEmpty()) {
			return null;
		}
		if (this.classLoader == null) {
			URL[] urls = new URL[entries.size()];
			for (int i = 0; i < urls.length; i++) {
				try {
					urls[i] = entries.get(i).toUri().toURL();
				}
				catch (MalformedURLException ex) {
					throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION,
							"Class path entry " + entries.get(i) + " is not a valid location: " + ex.getMessage(), ex);
				}
			}
			this.classLoader = new URLClassLoader("retort-revisions", urls, RetortCommand.class.getClassLoader());
		}
		return this.classLoader;
	}

	/** Closes the class loader over {@code --classpath}, if one was created. */
	public void close() {
		if (this.classLoader != null) {
			try {
				this.classLoader.close();
			}
			catch (IOException ex) {
				// only open jar files are released here; the run's outcome stands
			}
			this.classLoader = null;
		}
	}

	private RetortConfiguration configuration(boolean withDatabase, MigrationListener listener) {
		Settings resolved = settings();
		ClassLoader loader = revisionClassLoader();
		RetortConfiguration configuration = (loader != null) ? Retort.configure(loader) : Retort.configure();
		configuration.locations(resolved.locations());
		if (!resolved.scanPackages().isEmpty()) {
			configuration.scanPackages(resolved.scanPackages().toArray(String[]::new));
		}
		if (resolved.versionTable() != null) {
			configuration.versionTable(resolved.versionTable());
		}
		if (resolved.historyTable() != null) {
			configuration.historyTable(resolved.historyTable());
		}
		if (resolved.schema() != null) {
			configuration.schema(resolved.schema());
		}
		if (withDatabase && resolved.url() != null) {
			if (verbose()) {
				err().println("Connecting to " + resolved.maskedUrl()
						+ ((resolved.user() != null) ? " as " + resolved.user() : "")
						+ ((resolved.password() != null) ? " (password given)" : ""));
				err().flush();
			}
			configuration.dataSource(resolved.url(), resolved.user(), resolved.password());
		}
		if (listener != MigrationListener.NONE) {
			configuration.listener(listener);
		}
		return configuration;
	}

	/**
	 * {@code --verbose} or {@code -q}/{@code --quiet}: one or the other. Both act on logging before
	 * picocli parses anything ({@link Main}); here they are declared for help and for the usage error
	 * when both are given.
	 */
	static final class Logging {

		@Option(names = "--verbose", description = "Log at info level and print stack traces of errors (to stderr).")
		boolean verbose;

		@Option(names = { "-q", "--quiet" }, description = "No log line below WARN on stderr, whatever the logging "
				+ "configuration says (the command's output and errors are unchanged).")
		boolean quiet;
	}
}
