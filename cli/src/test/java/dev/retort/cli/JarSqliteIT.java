package dev.retort.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI scenarios against a SQLite file in a temporary folder, given with {@code --url jdbc:sqlite:}
 * (SQLite has no user or password): the runnable jar carries the SQLite driver.
 */
class JarSqliteIT extends JarScenarios {

	@TempDir
	Path databaseFolder;

	private String url;

	@BeforeEach
	void database() {
		this.url = "jdbc:sqlite:" + this.databaseFolder.resolve("clidb.sqlite").toAbsolutePath();
	}

	@Override
	CliProcess retort() {
		return new CliProcess(this.project).global("--url", this.url, "--locations",
				this.project.resolve("revisions").toString());
	}

	@Override
	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url);
	}

	@Override
	String urlFragment() {
		return "clidb.sqlite";
	}

	@Override
	String password() {
		return "";
	}

	/** The SQLite driver stores and reads timestamps as epoch milliseconds by default. */
	@Override
	String startedAtLiteral() {
		return String.valueOf(java.time.Instant.parse("2026-12-06T03:00:00Z").toEpochMilli());
	}
}
