package dev.retort.internal.execution;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.CoreErrorCode;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.engine.DatabaseState;
import dev.retort.engine.RevisionFiles;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.StatementRecordingDataSource;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A step's version-row change and history row: one statement (one round trip) on PostgreSQL when
 * the step changes one row, one statement each otherwise; the same rows either way, and a version
 * row changed behind the run fails the step either way.
 */
class StepRecordsTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void aLinearStepsRowsAreOneStatementOnPostgresAndOneEachElsewhere(DatabaseKind kind) {
		try (TestDatabase db = TestDatabases.create(kind)) {
			StatementRecordingDataSource recording = new StatementRecordingDataSource(db.dataSource());
			writeLinear();
			retort(recording).upgrade("heads");
			List<String> bookkeeping = bookkeeping(recording);
			if (kind == DatabaseKind.POSTGRES) {
				assertThat(bookkeeping).hasSize(3)
					.allSatisfy((sql) -> assertThat(sql).contains("retort_version").contains("retort_history"));
			}
			else if (kind == DatabaseKind.SQLITE) {
				// SQLite's DDL is transactional: no 'running' row, a version row and a history row per step.
				assertThat(bookkeeping).hasSize(6)
					.noneSatisfy((sql) -> assertThat(sql).contains("retort_version").contains("retort_history"));
			}
			else {
				// H2 and MariaDB commit DDL as it goes: each step first commits a 'running' history row
				// (issue 17), then writes its version row and turns that row into 'success'.
				assertThat(bookkeeping).hasSize(9)
					.noneSatisfy((sql) -> assertThat(sql).contains("retort_version").contains("retort_history"));
			}
			assertLinearRows(db);
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRES", "H2" })
	void aVersionRowChangedBehindTheRunFailsTheCombinedStatementsStep(DatabaseKind kind) {
		try (TestDatabase db = TestDatabases.create(kind)) {
			this.files.write("a1", List.of(), "first", "CREATE TABLE v_a1 (id INT);", "DROP TABLE v_a1;");
			this.files.write("b2", List.of("a1"), "meddles", "UPDATE retort_version SET version_num = 'zz';",
					"SELECT 1;");
			Retort retort = Retort.configure().dataSource(db.dataSource()).locations(this.files.location()).load();
			retort.upgrade("a1");
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.VERSION_TABLE_MISMATCH);
				assertThat(ex.revision()).isEqualTo("b2");
				assertThat(ex.getMessage()).contains("'a1' to 'b2'", "0 rows matched");
			});
			// The step's history row went with the rollback; only the failure is recorded.
			assertThat(DatabaseState.versionRows(db)).containsExactly("a1");
			assertThat(DatabaseState.column(db, "SELECT CONCAT(revision, ':', outcome) FROM retort_history ORDER BY id"))
				.containsExactly("a1:success", "b2:failed");
		}
	}

	@Test
	void postgresMergeStepChangesTwoRowsOneStatementEach() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			StatementRecordingDataSource recording = new StatementRecordingDataSource(db.dataSource());
			this.files.write("a1", List.of(), "base", "CREATE TABLE m_a1 (id INT);", "DROP TABLE m_a1;");
			this.files.write("b1", List.of("a1"), "left", "CREATE TABLE m_b1 (id INT);", "DROP TABLE m_b1;");
			this.files.write("c1", List.of("a1"), "right", "CREATE TABLE m_c1 (id INT);", "DROP TABLE m_c1;");
			this.files.write("d1", List.of("b1", "c1"), "merge", "CREATE TABLE m_d1 (id INT);", "DROP TABLE m_d1;");
			retort(recording).upgrade("heads");
			assertThat(DatabaseState.versionRows(db)).containsExactly("d1");
			assertThat(DatabaseState.column(db, "SELECT revision || ':' || heads_before || '>' || heads_after"
					+ " FROM retort_history ORDER BY id"))
				.containsExactly("a1:>a1", "c1:a1>c1", "b1:c1>b1,c1", "d1:b1,c1>d1");
			// The merge deletes one row and updates the other: two version statements, then its history row.
			List<String> bookkeeping = bookkeeping(recording);
			assertThat(bookkeeping).hasSize(6);
			assertThat(bookkeeping.subList(3, 6)).noneSatisfy(
					(sql) -> assertThat(sql).contains("retort_version").contains("retort_history"));
		}
	}

	private void writeLinear() {
		this.files.write("a1", List.of(), "first", "CREATE TABLE s_a1 (id INT);", "DROP TABLE s_a1;");
		this.files.write("b2", List.of("a1"), "second", "CREATE TABLE s_b2 (id INT);", "DROP TABLE s_b2;");
		this.files.write("c3", List.of("b2"), "third", "CREATE TABLE s_c3 (id INT);", "DROP TABLE s_c3;");
	}

	private static void assertLinearRows(TestDatabase db) {
		assertThat(DatabaseState.versionRows(db)).containsExactly("c3");
		assertThat(DatabaseState.column(db, "SELECT CONCAT(revision, ':', COALESCE(heads_before, ''), '>', heads_after,"
				+ " ':', outcome, ':', CASE WHEN checksum IS NULL THEN 'none' ELSE 'sum' END) FROM retort_history ORDER BY id"))
			.containsExactly("a1:>a1:success:sum", "b2:a1>b2:success:sum", "c3:b2>c3:success:sum");
	}

	private Retort retort(StatementRecordingDataSource recording) {
		return Retort.configure().dataSource(recording.dataSource()).locations(this.files.location()).load();
	}

	/** Statements that write version or history rows (not the probes and reads, nor H2's lock row). */
	private static List<String> bookkeeping(StatementRecordingDataSource recording) {
		return recording.sent().stream().map((sql) -> sql.toLowerCase(Locale.ROOT))
			.filter((sql) -> (sql.startsWith("insert") || sql.startsWith("update") || sql.startsWith("delete"))
					&& !sql.contains("retort_version_lock")
					&& (sql.contains("retort_version") || sql.contains("retort_history")))
			.toList();
	}
}
