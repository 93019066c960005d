package dev.retort.internal.execution;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.Retort;
import dev.retort.engine.DatabaseState;
import dev.retort.engine.RevisionFiles;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.StatementRecordingDataSource;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history table is probed only when it is written to: the startup check (nothing pending)
 * reads it once, for the checksums, and a run with steps creates it if it is missing.
 */
class HistoryTableRoundTripTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void aNoopReadsTheHistoryTableOnceAndOnlyForChecksums(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			StatementRecordingDataSource recording = new StatementRecordingDataSource(db.dataSource());
			this.files.write("h1", List.of(), "one", "CREATE TABLE h1 (id INT);", "DROP TABLE h1;");
			assertThat(retort(recording, true).upgrade("heads").steps()).hasSize(1);
			assertThat(DatabaseState.column(db, "SELECT revision FROM retort_history")).containsExactly("h1");

			recording.clear();
			assertThat(retort(recording, true).upgrade("heads").steps()).isEmpty();
			assertThat(historyStatements(recording)).singleElement()
				.satisfies((sql) -> assertThat(sql).startsWith("SELECT revision, checksum"));

			recording.clear();
			assertThat(retort(recording, false).upgrade("heads").steps()).isEmpty();
			assertThat(historyStatements(recording)).isEmpty();
			assertThat(recording.sent()).isNotEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void aRunWithStepsCreatesAMissingHistoryTableWithOrWithoutValidation(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind)) {
			StatementRecordingDataSource recording = new StatementRecordingDataSource(db.dataSource());
			this.files.write("h1", List.of(), "one", "CREATE TABLE h1 (id INT);", "DROP TABLE h1;");
			retort(recording, false).upgrade("heads");
			DatabaseState.execute(db, "DROP TABLE retort_history");

			this.files.write("h2", List.of("h1"), "two", "CREATE TABLE h2 (id INT);", "DROP TABLE h2;");
			assertThat(retort(recording, false).upgrade("heads").steps()).hasSize(1);
			assertThat(DatabaseState.column(db, "SELECT revision FROM retort_history")).containsExactly("h2");

			DatabaseState.execute(db, "DROP TABLE retort_history");
			this.files.write("h3", List.of("h2"), "three", "CREATE TABLE h3 (id INT);", "DROP TABLE h3;");
			assertThat(retort(recording, true).upgrade("heads").steps()).hasSize(1);
			assertThat(DatabaseState.column(db, "SELECT revision FROM retort_history")).containsExactly("h3");

			// A no-op with validation on, on a database without the table, changes nothing.
			DatabaseState.execute(db, "DROP TABLE retort_history");
			assertThat(retort(recording, true).upgrade("heads").steps()).isEmpty();
			assertThat(DatabaseState.tableExists(db, "retort_history")).isFalse();
			assertThat(retort(recording, true).appliedHistory(10)).isEmpty();
		}
	}

	private Retort retort(StatementRecordingDataSource recording, boolean validate) {
		return Retort.configure()
			.dataSource(recording.dataSource())
			.locations(this.files.location())
			.validateChecksums(validate)
			.load();
	}

	private static List<String> historyStatements(StatementRecordingDataSource recording) {
		return recording.sent().stream().filter((sql) -> sql.toLowerCase(Locale.ROOT).contains("retort_history"))
			.toList();
	}
}
