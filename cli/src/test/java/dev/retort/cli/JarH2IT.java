package dev.retort.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI scenarios against an H2 file database in a temporary folder, connected through
 * {@code retort.properties} (written next to the one {@code init} creates) plus {@code --password}
 * on the command line.
 */
class JarH2IT extends JarScenarios {

	private static final String PASSWORD = "h2-s3cret-pw";

	@TempDir
	Path databaseFolder;

	private String url;

	@BeforeEach
	void database() {
		this.url = "jdbc:h2:file:" + this.databaseFolder.resolve("clidb").toAbsolutePath();
	}

	@Override
	CliProcess retort() {
		// the connection comes from a properties file given with -c; the password from the option
		writeProperties(this.databaseFolder.resolve("conn.properties"),
				"url=" + this.url + "\nuser=sa\nlocations=" + this.project.resolve("revisions") + "\n");
		return new CliProcess(this.project).global("-c", this.databaseFolder.resolve("conn.properties").toString(),
				"--password", PASSWORD);
	}

	@Override
	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, "sa", PASSWORD);
	}

	@Override
	String urlFragment() {
		return "clidb";
	}

	@Override
	String password() {
		return PASSWORD;
	}
}
