package dev.retort.cli.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The CLI's settings after precedence was applied (options, then environment, then
 * {@code retort.properties}).
 *
 * @param url the JDBC URL, if a database is configured
 * @param user the database user, if given
 * @param password the password, if given; never printed
 * @param locations revision locations, relative {@code filesystem:} paths already made absolute
 * @param versionTable the version table name, if not the default
 * @param historyTable the history table name, if not the default
 * @param schema the schema of both tables, if given
 * @param propertiesFile the properties file that was read, if any
 * @param classpath jars and class folders Java revisions (and {@code classpath:} locations) are read
 * from, absolute, in order
 * @param scanPackages packages scanned for Java revisions ({@code @Revision} classes implementing
 * {@code Migration})
 */
public record Settings(@Nullable String url, @Nullable String user, @Nullable String password, List<String> locations,
		@Nullable String versionTable, @Nullable String historyTable, @Nullable String schema,
		@Nullable Path propertiesFile, List<Path> classpath, List<String> scanPackages) {

	/** The prefix of a location on the file system. */
	public static final String FILESYSTEM_PREFIX = "filesystem:";

	public Settings {
		locations = List.copyOf(locations);
		classpath = List.copyOf(classpath);
		scanPackages = List.copyOf(scanPackages);
	}

	/** Whether a database URL is configured. */
	public boolean hasDatabase() {
		return this.url != null && !this.url.isBlank();
	}

	/** The {@code filesystem:} locations as paths, in order (where {@code revision} may write). */
	public List<Path> filesystemLocations() {
		List<Path> paths = new ArrayList<>();
		for (String location : this.locations) {
			if (location.startsWith(FILESYSTEM_PREFIX)) {
				paths.add(Path.of(location.substring(FILESYSTEM_PREFIX.length())));
			}
		}
		return paths;
	}

	/** The URL with any password masked, for messages. */
	public String maskedUrl() {
		return (this.url != null) ? Secrets.maskUrl(this.url) : "(no database)";
	}
}
