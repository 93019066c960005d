package dev.retort.internal.execution;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.retort.AppliedStep;
import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.Outcome;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.engine.DatabaseState;
import dev.retort.engine.RevisionFiles;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A statement failing in the middle of a revision, on each database. */
class ExecutionFailureTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	private Retort retort(TestDatabase db) {
		return Retort.configure().dataSource(db.dataSource()).locations(this.files.location()).actor("tester").load();
	}

	private void writeGraph() {
		this.files.write("a1", List.of(), "create accounts",
				"CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50));", "DROP TABLE accounts;");
		// Statement 1 changes data and creates a table, statement 2 fails: on PostgreSQL both roll back.
		this.files.write("b2", List.of("a1"), "broken",
				"INSERT INTO accounts (id, name) VALUES (1, 'x');\nCREATE TABLE audit (id INT);\n"
						+ "INSERT INTO no_such_table VALUES (1);\nCREATE TABLE never (id INT);",
				"DROP TABLE audit;");
	}

	@Test
	void postgresRollsBackTheWholeRevision() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			writeGraph();
			Retort retort = retort(db);
			retort.upgrade("a1");
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.STATEMENT_FAILED);
				assertThat(ex.revision()).isEqualTo("b2");
				assertThat(ex.source()).endsWith("0002_b2.sql");
				assertThat(ex.line()).isEqualTo(10);
				assertThat(ex.statement()).isEqualTo("INSERT INTO no_such_table VALUES (1)");
				assertThat(ex.getMessage()).contains("b2", "0002_b2.sql", "line 10", "no_such_table", "42P01",
						"rolled back", "holds: a1");
			});
			assertThat(DatabaseState.versionRows(db)).containsExactly("a1");
			assertThat(DatabaseState.column(db, "SELECT count(*) FROM accounts")).containsExactly("0");
			assertThat(DatabaseState.tableExists(db, "audit")).isFalse();
			assertFailedHistoryRow(retort, List.of("a1"));
		}
	}

	@Test
	void h2RollsBackDataAndNamesWhatDdlCommitted() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			this.files.write("a1", List.of(), "create accounts",
					"CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50));", "DROP TABLE accounts;");
			this.files.write("b2", List.of("a1"), "broken data migration",
					"INSERT INTO accounts (id, name) VALUES (1, 'x');\nINSERT INTO no_such_table VALUES (1);",
					"DELETE FROM accounts;");
			Retort retort = retort(db);
			retort.upgrade("a1");
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.STATEMENT_FAILED);
				assertThat(ex.revision()).isEqualTo("b2");
				assertThat(ex.source()).endsWith("0002_b2.sql");
				assertThat(ex.line()).isEqualTo(9);
				assertThat(ex.getMessage()).contains("NO_SUCH_TABLE", "42S02", "holds: a1");
			});
			// Nothing of the revision remains: its data change was rolled back with the version rows.
			assertThat(DatabaseState.versionRows(db)).containsExactly("a1");
			assertThat(DatabaseState.column(db, "SELECT count(*) FROM accounts")).containsExactly("0");
			assertFailedHistoryRow(retort, List.of("a1"));
		}
	}

	@Test
	void h2SaysWhichStatementsCommittedImplicitly() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			writeGraph();
			Retort retort = retort(db);
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.STATEMENT_FAILED);
				assertThat(ex.getMessage()).contains("H2 commits DDL implicitly", "statements 1 to 2",
						"lines 8, 9", "holds: a1", "not recorded as applied");
			});
			assertThat(DatabaseState.versionRows(db)).containsExactly("a1");
		}
	}

	@Test
	void mariadbRecordsTheFailureAndDescribesTheState() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.MARIADB)) {
			writeGraph();
			Retort retort = retort(db);
			retort.upgrade("a1");
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.STATEMENT_FAILED);
				assertThat(ex.revision()).isEqualTo("b2");
				assertThat(ex.line()).isEqualTo(10);
				assertThat(ex.getMessage()).contains("0002_b2.sql", "line 10", "statement 3 of 4", "no_such_table",
						"42S02", "MariaDB commits DDL implicitly", "statements 1 to 2", "lines 8, 9",
						"holds: a1", "not recorded as applied");
			});
			assertThat(DatabaseState.versionRows(db)).containsExactly("a1");
			// The CREATE TABLE committed implicitly, and with it the INSERT before it: exactly what the message says.
			assertThat(DatabaseState.tableExists(db, "audit")).isTrue();
			assertThat(DatabaseState.column(db, "SELECT count(*) FROM accounts")).containsExactly("1");
			assertThat(DatabaseState.tableExists(db, "never")).isFalse();
			assertFailedHistoryRow(retort, List.of("a1"));
		}
	}

	private static void assertFailedHistoryRow(Retort retort, List<String> heads) {
		List<AppliedStep> history = retort.appliedHistory(10);
		assertThat(history).hasSize(2);
		AppliedStep failed = history.get(0);
		assertThat(failed.revision()).isEqualTo("b2");
		assertThat(failed.direction()).isEqualTo(Direction.UPGRADE);
		assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(failed.actor()).isEqualTo("tester");
		assertThat(failed.headsBefore()).isEqualTo(heads);
		assertThat(failed.headsAfter()).isEqualTo(heads);
		assertThat(failed.error()).contains("line ");
		assertThat(failed.checksum()).isNotBlank();
		AppliedStep applied = history.get(1);
		assertThat(applied.revision()).isEqualTo("a1");
		assertThat(applied.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(applied.headsBefore()).isEmpty();
		assertThat(applied.headsAfter()).containsExactly("a1");
	}
}
