package dev.retort.internal.execution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.retort.AppliedStep;
import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.MigrationListener;
import dev.retort.MigrationResult;
import dev.retort.MigrationStatus;
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

/** The façade's behaviour around checksums, stamps, irreversible revisions, status and configuration. */
class FacadeTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	private Path writeLinear() {
		this.files.write("a1", List.of(), "first", "CREATE TABLE t_a1 (id INT);", "DROP TABLE t_a1;");
		Path b2 = this.files.write("b2", List.of("a1"), "second", "CREATE TABLE t_b2 (id INT);", "DROP TABLE t_b2;");
		this.files.write("c3", List.of("b2"), "third", "CREATE TABLE t_c3 (id INT);", "DROP TABLE t_c3;");
		return b2;
	}

	private Retort retort(TestDatabase db) {
		return Retort.configure().dataSource(db.dataSource()).locations(this.files.location()).load();
	}

	@Test
	void changedAppliedFileIsDetectedAndRepairedOnPurpose() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			Path b2 = writeLinear();
			retort(db).upgrade("b2");
			// Line endings alone do not count as a change.
			Files.writeString(b2, Files.readString(b2).replace("\n", "\r\n"));
			retort(db).validate();
			Files.writeString(b2, Files.readString(b2).replace("CREATE TABLE t_b2 (id INT);",
					"CREATE TABLE t_b2 (id INT, extra INT);"));
			Retort changed = retort(db);
			assertThatThrownBy(changed::validate).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.CHECKSUM_MISMATCH);
				assertThat(ex.revision()).isEqualTo("b2");
				assertThat(ex.getMessage()).contains("b2", "0002_b2.sql", "repair").doesNotContain("a1 (");
			});
			assertThatThrownBy(() -> changed.upgrade("heads")).isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.CHECKSUM_MISMATCH));
			assertThat(DatabaseState.versionRows(db)).containsExactly("b2");

			assertThat(changed.repair()).containsExactly("b2");
			changed.validate();
			assertThat(changed.repair()).isEmpty();
			assertThat(changed.upgrade("heads").headsAfter()).containsExactly("c3");
			assertThat(changed.appliedHistory(10)).extracting(AppliedStep::direction)
				.containsExactly(Direction.UPGRADE, Direction.REPAIR, Direction.UPGRADE, Direction.UPGRADE);

			// Turned off, a mismatch does not stop the run.
			Files.writeString(b2, Files.readString(b2) + "\n-- another change\n");
			Retort unchecked = Retort.configure().dataSource(db.dataSource()).locations(this.files.location())
				.validateChecksums(false).load();
			assertThat(unchecked.downgrade("b2").headsAfter()).containsExactly("b2");
		}
	}

	@Test
	void stampAndPurgeUnknownRevisions() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			writeLinear();
			Retort retort = retort(db);
			MigrationResult stamped = retort.stamp(List.of("b2"), false);
			assertThat(stamped.headsAfter()).containsExactly("b2");
			assertThat(DatabaseState.tableExists(db, "t_a1")).isFalse(); // nothing ran
			assertThat(retort.current()).containsExactly("b2");

			DatabaseState.execute(db, "INSERT INTO retort_version VALUES ('ffff0000')");
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.UNKNOWN_DATABASE_REVISION);
				assertThat(ex.getMessage()).contains("ffff0000");
			});
			MigrationStatus status = retort.status();
			assertThat(status.unknown()).containsExactly("ffff0000");
			assertThat(status.upToDate()).isFalse();

			MigrationResult purged = retort.stamp(List.of("a1"), true);
			assertThat(purged.headsBefore()).containsExactly("b2", "ffff0000");
			assertThat(DatabaseState.versionRows(db)).containsExactly("a1");
			assertThat(retort.upgrade("heads").steps()).extracting((step) -> step.revision())
				.containsExactly("b2", "c3");
			assertThat(retort.appliedHistory(3).get(2).direction()).isEqualTo(Direction.STAMP);
		}
	}

	@Test
	void irreversibleRevisionIsRefusedBeforeAnythingRuns() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.files.write("a1", List.of(), "first", "CREATE TABLE t_a1 (id INT);", "DROP TABLE t_a1;");
			this.files.write("b2", List.of("a1"), "one way", "CREATE TABLE t_b2 (id INT);", null);
			this.files.write("c3", List.of("b2"), "third", "CREATE TABLE t_c3 (id INT);", "DROP TABLE t_c3;");
			Retort retort = retort(db);
			retort.upgrade("heads");
			assertThatThrownBy(() -> retort.downgrade("base")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.IRREVERSIBLE_REVISION);
				assertThat(ex.revision()).isEqualTo("b2");
				assertThat(ex.getMessage()).contains("b2", "0002_b2.sql", "Nothing was run");
			});
			assertThat(DatabaseState.versionRows(db)).containsExactly("c3");
			assertThat(DatabaseState.tableExists(db, "t_c3")).isTrue();
			assertThat(retort.downgrade("b2").headsAfter()).containsExactly("b2");
		}
	}

	@Test
	void statusListenersAndLogWording() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.MARIADB)) {
			writeLinear();
			List<String> events = Collections.synchronizedList(new ArrayList<>());
			Retort retort = Retort.configure().dataSource(db.dataSource()).locations(this.files.location())
				.listener(new MigrationListener() {
					@Override
					public void beforeStep(StepEvent step) {
						events.add("before " + step.direction() + " " + step.revision() + " " + step.message());
					}

					@Override
					public void afterStep(StepEvent step, Duration duration) {
						events.add("after " + step.revision());
					}
				})
				.load();
			assertThat(retort.status().pending()).containsExactly("a1", "b2", "c3");
			retort.upgrade("a1");
			MigrationStatus status = retort.status();
			assertThat(status.current()).containsExactly("a1");
			assertThat(status.heads()).containsExactly("c3");
			assertThat(status.pending()).containsExactly("b2", "c3");
			assertThat(retort.pending()).extracting((info) -> info.id()).containsExactly("b2", "c3");
			assertThat(status.revisions()).extracting((state) -> state.revision().id()).containsExactly("c3", "b2",
					"a1");
			assertThat(status.revisions().get(2).applied()).isTrue();
			assertThat(status.revisions().get(2).appliedAt()).isNotNull();
			assertThat(status.revisions().get(1).applied()).isFalse();
			assertThat(retort.planUpgrade("heads").steps()).hasSize(2);
			assertThat(events).containsExactly("before upgrade a1 first", "after a1");
			MigrationResult result = retort.withActor("someone").upgrade("+1");
			assertThat(result.steps()).singleElement().satisfies((step) -> {
				assertThat(step.revision()).isEqualTo("b2");
				assertThat(step.headsBefore()).containsExactly("a1");
				assertThat(step.headsAfter()).containsExactly("b2");
			});
			assertThat(retort.appliedHistory(1).get(0).actor()).isEqualTo("someone");
			assertThat(PlanExecutor.describe(retort.planDowngrade("-1").steps().get(0),
					new ScriptRevisionStub("b2", List.of("a1"), "second")))
				.isEqualTo("downgrade b2 -> a1, second");
		}
	}

	@Test
	void oneTransactionForTheWholeRunRollsEverythingBackOnPostgres() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.files.write("a1", List.of(), "first", "CREATE TABLE t_a1 (id INT);", "DROP TABLE t_a1;");
			this.files.write("b2", List.of("a1"), "broken", "CREATE TABLE t_b2 (id INT);\nSELECT * FROM missing;",
					"DROP TABLE t_b2;");
			Retort retort = Retort.configure().dataSource(db.dataSource()).locations(this.files.location())
				.transactionPerRevision(false).load();
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.STATEMENT_FAILED);
				assertThat(ex.getMessage()).contains("earlier steps", "a1");
			});
			assertThat(DatabaseState.versionRows(db)).isEmpty();
			assertThat(DatabaseState.tableExists(db, "t_a1")).isFalse();
			assertThat(retort.appliedHistory(5)).singleElement().satisfies((step) -> {
				assertThat(step.revision()).isEqualTo("b2");
				assertThat(step.outcome()).isEqualTo(Outcome.FAILED);
			});
		}
	}

	@Test
	void withoutDatabaseOnlyGraphOperationsWork() {
		writeLinear();
		Retort retort = Retort.configure().locations(this.files.location()).load();
		assertThat(retort.heads()).extracting((info) -> info.id()).containsExactly("c3");
		assertThat(retort.history(null)).extracting((info) -> info.id()).containsExactly("c3", "b2", "a1");
		assertThat(retort.revision("b2").message()).isEqualTo("second");
		assertThat(retort.branches()).isEmpty();
		for (Runnable call : List.<Runnable>of(() -> retort.upgrade("heads"), retort::status, retort::current,
				() -> retort.stamp(List.of("a1"), false), retort::validate, () -> retort.upgradeSql("heads"))) {
			assertThatThrownBy(call::run).isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.NO_DATABASE));
		}
	}

	@Test
	void badIdentifiersInConfigurationAreRefusedAtLoad() {
		writeLinear();
		for (Runnable load : List.<Runnable>of(
				() -> Retort.configure().locations(this.files.location()).versionTable("v; DROP TABLE x").load(),
				() -> Retort.configure().locations(this.files.location()).historyTable("h\"istory").load(),
				() -> Retort.configure().locations(this.files.location()).schema("my schema").load(),
				() -> Retort.configure().locations(this.files.location()).versionTable("").load())) {
			assertThatThrownBy(load::run).isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_IDENTIFIER));
		}
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			Retort tooLong = Retort.configure().dataSource(db.dataSource()).locations(this.files.location())
				.versionTable("v".repeat(70)).load();
			assertThatThrownBy(() -> tooLong.upgrade("heads")).isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_IDENTIFIER));
		}
	}

	@Test
	void customTablesInASchema() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			DatabaseState.execute(db, "CREATE SCHEMA ops");
			writeLinear();
			Retort retort = Retort.configure().dataSource(db.dataSource()).locations(this.files.location())
				.schema("ops").versionTable("Versions").historyTable("steps").load();
			retort.upgrade("heads");
			assertThat(DatabaseState.column(db, "SELECT version_num FROM ops.\"Versions\"")).containsExactly("c3");
			assertThat(DatabaseState.column(db, "SELECT count(*) FROM ops.steps")).containsExactly("3");
			assertThat(retort.current()).containsExactly("c3");
		}
	}

	@Test
	void versionRowsChangedBehindTheRunAreDetectedAndRolledBack() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.files.write("a1", List.of(), "first", "CREATE TABLE t_a1 (id INT);", "DROP TABLE t_a1;");
			this.files.write("b2", List.of("a1"), "meddles", "CREATE TABLE t_b2 (id INT);\nDELETE FROM retort_version;",
					"DROP TABLE t_b2;");
			Retort retort = retort(db);
			retort.upgrade("a1");
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.VERSION_TABLE_MISMATCH);
				assertThat(ex.revision()).isEqualTo("b2");
				assertThat(ex.getMessage()).contains("'a1'", "0 rows matched", "holds: a1");
			});
			assertThat(DatabaseState.versionRows(db)).containsExactly("a1");
			assertThat(DatabaseState.tableExists(db, "t_b2")).isFalse();
		}
	}

	/** A Java revision that fails after its first statement. */
	@dev.retort.Revision(id = "j2", revises = "a1", message = "java fails")
	public static final class FailingJavaRevision implements dev.retort.Migration {

		@Override
		public void upgrade(dev.retort.Operations op) {
			op.execute("INSERT INTO t_a1 (id) VALUES (?)", 7);
			throw new IllegalStateException("boom in Java");
		}
	}

	@Test
	void failingJavaRevisionIsMigrationFailed() {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			this.files.write("a1", List.of(), "first", "CREATE TABLE t_a1 (id INT);", "DROP TABLE t_a1;");
			Retort retort = Retort.configure().dataSource(db.dataSource()).locations(this.files.location())
				.javaMigrations(List.of(new FailingJavaRevision())).load();
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.MIGRATION_FAILED);
				assertThat(ex.revision()).isEqualTo("j2");
				assertThat(ex.source()).isEqualTo(FailingJavaRevision.class.getName());
				assertThat(ex.getMessage()).contains("boom in Java", "holds: a1");
			});
			assertThat(DatabaseState.versionRows(db)).containsExactly("a1");
			assertThat(DatabaseState.column(db, "SELECT count(*) FROM t_a1")).containsExactly("0");
			assertThat(retort.appliedHistory(1).get(0).outcome()).isEqualTo(Outcome.FAILED);
		}
	}

	/** Just enough of a revision for {@link PlanExecutor#describe}. */
	private record ScriptRevisionStub(String id, List<String> down, String message) implements RunnableRevision {

		@Override
		public dev.retort.internal.graph.RevisionNode node() {
			return new dev.retort.internal.graph.RevisionNode(this.id, this.down, List.of(), List.of(), this.message, "stub");
		}

		@Override
		public boolean transactional() {
			return true;
		}

		@Override
		public String checksum() {
			return "";
		}

		@Override
		public dev.retort.internal.script.ScriptBody body() {
			throw new UnsupportedOperationException();
		}
	}
}
