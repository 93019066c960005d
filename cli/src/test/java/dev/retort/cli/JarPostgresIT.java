package dev.retort.cli;

import java.sql.Connection;
import java.sql.SQLException;

import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The CLI scenarios against a fresh PostgreSQL database, connected through the environment
 * ({@code RETORT_URL}, {@code RETORT_USER}, {@code RETORT_PASSWORD}).
 */
class JarPostgresIT extends JarScenarios {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create(DatabaseKind.POSTGRES);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Override
	CliProcess retort() {
		CliProcess process = new CliProcess(this.project).env("RETORT_URL", this.database.url())
			.env("RETORT_USER", this.database.user());
		if (this.database.password() != null && !this.database.password().isEmpty()) {
			process.env("RETORT_PASSWORD", this.database.password());
		}
		return process;
	}

	@Override
	Connection connect() throws SQLException {
		return this.database.connect();
	}

	@Override
	String urlFragment() {
		return this.database.name();
	}

	@Override
	String password() {
		return (this.database.password() != null) ? this.database.password() : "";
	}
}
