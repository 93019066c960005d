package dev.retort.cli.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.retort.RetortException;
import dev.retort.cli.CliErrorCode;

/**
 * What {@code retort init [dir]} creates: {@code dir/revisions/} and a commented
 * {@code dir/retort.properties} whose {@code locations} points at it. Never overwrites: an existing
 * properties file, or a non-empty revisions folder, is an error.
 */
public final class ProjectScaffold {

	/** The properties file's template. */
	static final String PROPERTIES_TEMPLATE = """
			# Retort configuration: retort -c retort.properties <verb>
			# (retort reads ./retort.properties on its own when -c is not given).
			# Precedence: command-line options, then RETORT_* environment variables, then this file.

			# JDBC URL of the database to migrate (PostgreSQL, H2 and MariaDB drivers are built in).
			# url=jdbc:postgresql://localhost:5432/mydb
			# url=jdbc:h2:file:./build/devdb
			# user=
			# Prefer the RETORT_PASSWORD environment variable to a password in a file.
			# password=

			# Where revision files live, comma-separated. Relative paths are relative to this file's folder.
			locations=filesystem:revisions

			# version-table=retort_version
			# history-table=retort_history
			# schema=
			""";

	private ProjectScaffold() {
	}

	/** Creates the layout in {@code folder}, reporting each step on {@code out} as Alembic does. */
	public static void create(Path folder, PrintWriter out) {
		Path directory = folder.toAbsolutePath().normalize();
		Path revisions = directory.resolve("revisions");
		Path properties = directory.resolve("retort.properties");
		if (Files.exists(properties)) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT,
					"File " + properties + " already exists; init never overwrites a configuration");
		}
		try {
			if (Files.isDirectory(revisions)) {
				try (var entries = Files.list(revisions)) {
					if (entries.findAny().isPresent()) {
						throw new RetortException(CliErrorCode.INVALID_ARGUMENT,
								"Directory " + revisions + " already exists and is not empty");
					}
				}
			}
			if (!Files.isDirectory(directory)) {
				Status.run(out, "Creating directory " + directory, () -> Files.createDirectories(directory));
			}
			if (!Files.isDirectory(revisions)) {
				Status.run(out, "Creating directory " + revisions, () -> Files.createDirectories(revisions));
			}
			Status.run(out, "Generating " + properties,
					() -> Files.writeString(properties, PROPERTIES_TEMPLATE, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new RetortException(CliErrorCode.IO_ERROR, "Cannot create " + directory + ": " + ex.getMessage(), ex);
		}
		out.println("Please edit the connection settings in '" + properties + "' before proceeding.");
		out.flush();
	}
}
