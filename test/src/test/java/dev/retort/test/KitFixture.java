package dev.retort.test;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.retort.Retort;
import dev.retort.engine.RevisionFiles;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/**
 * Revision files in a temporary folder, and a run of the kit over them on a fresh database of one
 * kind (dropped afterwards). Every scenario starts with {@code a1}, a portable {@code notes} table.
 */
final class KitFixture implements AutoCloseable {

	/** A statement that changes nothing on any engine: a downgrade that forgets its work. */
	static final String NOTHING = "UPDATE notes SET title = title WHERE 1 = 0;";

	final RevisionFiles files = RevisionFiles.temporary();

	KitFixture() {
		this.files.write("a1", List.of(), "create notes",
				"CREATE TABLE notes (id BIGINT PRIMARY KEY, title VARCHAR(20) NOT NULL, body VARCHAR(20));",
				"DROP TABLE notes;");
	}

	KitFixture revision(String id, List<String> revises, String message, String upgrade, @Nullable String downgrade) {
		this.files.write(id, revises, message, upgrade, downgrade);
		return this;
	}

	/** Writes a revision file as given (for dialect sections). */
	KitFixture raw(String id, String revises, String message, String sections) {
		this.files.writeRaw("9_" + id + ".sql", "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: "
				+ revises + "\n-- Create Date: 2026-12-06 03:00:00\n\n" + sections);
		return this;
	}

	/** Loads a Retort on a fresh database of {@code kind} and runs {@code checks} against it. */
	KitRun run(DatabaseKind kind, Function<Context, KitRun> checks) {
		try (TestDatabase database = TestDatabases.create(kind)) {
			Retort retort = Retort.configure()
				.dataSource(database.dataSource())
				.locations(this.files.location())
				// No connection opened ahead: a check that never touches the database would leave it
				// open while the database is dropped.
				.connectAhead(false)
				.load();
			return checks.apply(new Context(retort, database));
		}
	}

	@Override
	public void close() {
		this.files.delete();
	}

	record Context(Retort retort, TestDatabase database) {

		RetortChecks checks() {
			return RetortChecks.forRetort(this.retort, this.database.dataSource());
		}
	}
}
