package dev.retort.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.cli.CliErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the CLI's {@link Settings}: a command-line option wins over an environment variable,
 * which wins over {@code retort.properties}. Relative {@code filesystem:} locations are resolved
 * against the folder of the file that named them (the properties file), or the working directory
 * for options and environment variables. With no location at all, {@code filesystem:revisions}
 * next to the properties file (or in the working directory) is used: the layout {@code init} creates.
 */
public final class SettingsResolver {

	/** The properties file looked for in the working directory when {@code -c} is not given. */
	public static final String DEFAULT_PROPERTIES_FILE = "retort.properties";

	/** The default revisions folder, relative to the properties file or the working directory. */
	public static final String DEFAULT_REVISIONS_FOLDER = "revisions";

	/** Keys {@code retort.properties} may hold. */
	public static final Set<String> KEYS = Set.of("url", "user", "password", "locations", "version-table",
			"history-table", "schema", "classpath", "scan-packages");

	private final Map<String, String> environment;

	private final Path workingDirectory;

	/**
	 * @param environment the process environment ({@code RETORT_URL}, {@code RETORT_USER},
	 * {@code RETORT_PASSWORD}, {@code RETORT_LOCATIONS}, {@code RETORT_CLASSPATH},
	 * {@code RETORT_SCAN_PACKAGES}, {@code RETORT_CONFIG})
	 * @param workingDirectory the folder relative paths on the command line are resolved against
	 */
	public SettingsResolver(Map<String, String> environment, Path workingDirectory) {
		this.environment = Map.copyOf(environment);
		this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
	}

	/** Resolves the settings from the options given on the command line. */
	public Settings resolve(CommandLineSettings options) {
		Path propertiesFile = propertiesFile(options.configFile());
		Properties file = (propertiesFile != null) ? load(propertiesFile) : new Properties();
		Path fileFolder = (propertiesFile != null) ? propertiesFile.getParent() : this.workingDirectory;
		String url = pick(options.url(), "RETORT_URL", file, "url");
		String user = pick(options.user(), "RETORT_USER", file, "user");
		String password = pickSecret(options.password(), file);
		List<String> locations;
		if (options.locations() != null) {
			locations = resolveLocations(options.locations(), this.workingDirectory);
		}
		else if (env("RETORT_LOCATIONS") != null) {
			locations = resolveLocations(env("RETORT_LOCATIONS"), this.workingDirectory);
		}
		else if (blankToNull(file.getProperty("locations")) != null) {
			locations = resolveLocations(file.getProperty("locations"), fileFolder);
		}
		else {
			locations = List.of(Settings.FILESYSTEM_PREFIX + fileFolder.resolve(DEFAULT_REVISIONS_FOLDER));
		}
		List<Path> classpath;
		if (options.classpath() != null) {
			classpath = ClassPathEntries.resolve(options.classpath(), this.workingDirectory, "--classpath");
		}
		else if (env("RETORT_CLASSPATH") != null) {
			classpath = ClassPathEntries.resolve(env("RETORT_CLASSPATH"), this.workingDirectory, "RETORT_CLASSPATH");
		}
		else if (blankToNull(file.getProperty("classpath")) != null) {
			classpath = ClassPathEntries.resolve(file.getProperty("classpath"), fileFolder,
					"classpath= in " + propertiesFile);
		}
		else {
			classpath = List.of();
		}
		String packages = pick(options.scanPackages(), "RETORT_SCAN_PACKAGES", file, "scan-packages");
		return new Settings(url, user, password, locations,
				pick(options.versionTable(), null, file, "version-table"),
				pick(options.historyTable(), null, file, "history-table"), pick(options.schema(), null, file, "schema"),
				propertiesFile, classpath, splitPackages(packages));
	}

	private static List<String> splitPackages(@Nullable String packages) {
		List<String> result = new ArrayList<>();
		if (packages != null) {
			for (String part : packages.split(",")) {
				if (!part.isBlank()) {
					result.add(part.strip());
				}
			}
		}
		return result;
	}

	/** The working directory, absolute. */
	public Path workingDirectory() {
		return this.workingDirectory;
	}

	private @Nullable Path propertiesFile(@Nullable String option) {
		String named = (option != null) ? option : env("RETORT_CONFIG");
		if (named != null) {
			Path path = this.workingDirectory.resolve(named).normalize();
			if (!Files.isRegularFile(path)) {
				throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION, "Configuration file " + path + " not found");
			}
			return path;
		}
		Path implicit = this.workingDirectory.resolve(DEFAULT_PROPERTIES_FILE);
		return Files.isRegularFile(implicit) ? implicit : null;
	}

	private static Properties load(Path path) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new RetortException(CliErrorCode.IO_ERROR, "Cannot read configuration file " + path + ": "
					+ ex.getMessage(), ex);
		}
		Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
		unknown.removeAll(KEYS);
		if (!unknown.isEmpty()) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION, "Unknown key(s) " + unknown + " in " + path
					+ "; known keys are " + new TreeSet<>(KEYS));
		}
		return properties;
	}

	private @Nullable String pick(@Nullable String option, @Nullable String variable, Properties file, String key) {
		if (option != null) {
			return option;
		}
		String fromEnv = (variable != null) ? env(variable) : null;
		if (fromEnv != null) {
			return fromEnv;
		}
		return blankToNull(file.getProperty(key));
	}

	/** Like {@link #pick} but never trims: spaces may be part of a password. */
	private @Nullable String pickSecret(@Nullable String option, Properties file) {
		if (option != null) {
			return option;
		}
		String fromEnv = this.environment.get("RETORT_PASSWORD");
		if (fromEnv != null && !fromEnv.isEmpty()) {
			return fromEnv;
		}
		String fromFile = file.getProperty("password");
		return (fromFile != null && !fromFile.isEmpty()) ? fromFile : null;
	}

	private @Nullable String env(String variable) {
		return blankToNull(this.environment.get(variable));
	}

	/**
	 * Splits a comma-separated location list. A location without prefix is a folder: the CLI has no
	 * application class path, so a bare path can only mean the file system.
	 */
	static List<String> resolveLocations(String value, Path base) {
		List<String> locations = new ArrayList<>();
		for (String part : value.split(",")) {
			String location = part.trim();
			if (location.isEmpty()) {
				continue;
			}
			if (location.startsWith("classpath:")) {
				locations.add(location);
			}
			else {
				String path = location.startsWith(Settings.FILESYSTEM_PREFIX)
						? location.substring(Settings.FILESYSTEM_PREFIX.length()) : location;
				locations.add(Settings.FILESYSTEM_PREFIX + base.resolve(path).normalize());
			}
		}
		if (locations.isEmpty()) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION, "No revision location in '" + value + "'");
		}
		return locations;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}
}
