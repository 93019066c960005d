package dev.retort.cli.config;

import org.jspecify.annotations.Nullable;

/**
 * The connection and location options as typed on the command line ({@code null} = not given).
 *
 * @param configFile {@code -c FILE}
 * @param url {@code --url}
 * @param user {@code --user}
 * @param password {@code --password}
 * @param locations {@code --locations}, comma-separated
 * @param versionTable {@code --version-table}
 * @param historyTable {@code --history-table}
 * @param schema {@code --schema}
 * @param classpath {@code --classpath}, entries separated by the platform's path separator
 * @param scanPackages {@code --scan-packages}, comma-separated
 */
public record CommandLineSettings(@Nullable String configFile, @Nullable String url, @Nullable String user,
		@Nullable String password, @Nullable String locations, @Nullable String versionTable,
		@Nullable String historyTable, @Nullable String schema, @Nullable String classpath,
		@Nullable String scanPackages) {

	/** The connection and location options, without class path or packages to scan. */
	public CommandLineSettings(@Nullable String configFile, @Nullable String url, @Nullable String user,
			@Nullable String password, @Nullable String locations, @Nullable String versionTable,
			@Nullable String historyTable, @Nullable String schema) {
		this(configFile, url, user, password, locations, versionTable, historyTable, schema, null, null);
	}

	/** No option given. */
	public static CommandLineSettings none() {
		return new CommandLineSettings(null, null, null, null, null, null, null, null, null, null);
	}
}
