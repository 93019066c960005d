package dev.retort.autogen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.retort.AutogenerateOptions;
import dev.retort.DesiredSchema;
import dev.retort.CoreErrorCode;
import dev.retort.GeneratedRevision;
import dev.retort.ModelCheckResult;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.ScratchOptions;
import dev.retort.internal.schema.ScratchServer;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.retort.autogen.AutogenerateRoundTripTest.CREATED;
import static dev.retort.autogen.AutogenerateRoundTripTest.files;
import static dev.retort.autogen.AutogenerateRoundTripTest.retort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Preconditions and failures of autogenerate and check: typed errors, nothing written, nothing left behind. */
class AutogenerateErrorsTest {

	private static final String BASE = """
			-- Revision ID: 100000000001
			-- Revises:
			-- Create Date: 2026-01-01 00:00:00

			-- +upgrade
			CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40));

			-- +downgrade
			DROP TABLE customers;
			""";

	@TempDir
	Path dir;

	@Test
	void severalHeadsWithoutHeadAreRefusedAndAHeadPicksOne() throws IOException {
		Path revisions = revisions(BASE, BASE.replace("100000000001", "200000000002")
			.replace("customers", "suppliers"));
		DesiredSchema model = DesiredSchema.ofStatements(List.of(
				"CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40))",
				"CREATE TABLE suppliers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40))",
				"CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY)"));
		try (TestDatabase app = TestDatabases.create(DatabaseKind.H2)) {
			Retort retort = retort(app, revisions, List.of());
			assertThatThrownBy(() -> retort.autogenerate(model, AutogenerateOptions.message("notes")))
				.isInstanceOfSatisfying(RetortException.class,
						ex -> assertThat(ex.code()).isEqualTo(CoreErrorCode.MULTIPLE_HEADS))
				.hasMessageContaining("100000000001")
				.hasMessageContaining("200000000002");
			assertThat(files(revisions)).hasSize(2);

			GeneratedRevision generated = retort.autogenerate(model,
					AutogenerateOptions.message("notes").withHead("2000"));
			assertThat(generated.text()).contains("-- Revises: 200000000002\n").contains("create table NOTES");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRES" })
	void aFailingModelStatementIsNamedByFileAndLineAndNothingIsLeft(DatabaseKind kind) throws IOException {
		Path revisions = revisions(BASE);
		Path script = Files.writeString(this.dir.resolve("model.sql"),
				"CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40));\n\n"
						+ "CREATE TABLE broken (id INTEGER NOT NULL PRIMARY KEY,, x);\n");
		try (TestDatabase app = TestDatabases.create(kind)) {
			ScratchServer server = new ScratchServer(app.url(), app.user(), app.password());
			List<String> before = server.scratchDatabases();
			Retort retort = retort(app, revisions, List.of());

			assertThatThrownBy(() -> retort.autogenerate(DesiredSchema.ofScript(script),
					AutogenerateOptions.message("broken")))
				.isInstanceOfSatisfying(RetortException.class,
						ex -> assertThat(ex.code()).isEqualTo(CoreErrorCode.MODEL_SCRIPT_FAILED))
				.hasMessageContaining(script + ":3");
			assertThat(files(revisions)).hasSize(1);
			assertThat(server.scratchDatabases()).isSubsetOf(before);
		}
	}

	@Test
	void aRevisionFailingDuringReplayIsNamedWithItsStatement() throws IOException {
		Path revisions = revisions(BASE.replace("VARCHAR(40));", "VARCHAR(40));\nINSERT INTO nowhere VALUES (1);"));
		try (TestDatabase app = TestDatabases.create(DatabaseKind.H2)) {
			assertThatThrownBy(() -> retort(app, revisions, List.of()).checkModel(DesiredSchema.ofStatements(List.of())))
				.isInstanceOf(RetortException.class)
				.hasMessageContaining("Replaying the revisions")
				.hasMessageContaining("100000000001")
				.hasMessageContaining("INSERT INTO nowhere");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRES", "MARIADB" })
	void whenReplayAndModelBothFailTheReplaysErrorIsReportedAndNothingIsLeft(DatabaseKind kind) throws IOException {
		// The two sides are built at once: the replay's failure (the user's revisions) comes first, as it would
		// one after the other, with the model's attached, and both scratch databases are still dropped.
		Path revisions = revisions(BASE.replace("VARCHAR(40));", "VARCHAR(40));\nINSERT INTO nowhere VALUES (1);"));
		Path script = Files.writeString(this.dir.resolve("model.sql"), "CREATE TABLE broken (id INTEGER,, x);\n");
		try (TestDatabase app = TestDatabases.create(kind)) {
			ScratchServer server = new ScratchServer(app.url(), app.user(), app.password());
			List<String> before = server.scratchDatabases();
			assertThatThrownBy(() -> retort(app, revisions, List.of()).checkModel(DesiredSchema.ofScript(script)))
				.isInstanceOf(RetortException.class)
				.hasMessageContaining("Replaying the revisions")
				.hasMessageContaining("INSERT INTO nowhere")
				.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
					.isInstanceOfSatisfying(RetortException.class,
							(model) -> assertThat(model.code()).isEqualTo(CoreErrorCode.MODEL_SCRIPT_FAILED)));
			assertThat(server.scratchDatabases()).isSubsetOf(before);
		}
	}

	@Test
	void aReplayedRevisionWithAStatementThatReturnsRowsStillRuns() throws IOException {
		// On PostgreSQL the replay sends a revision's statements as one batch, which refuses a statement
		// that returns rows: the batch is rolled back to its savepoint and the statements run one by one.
		Path revisions = revisions(BASE.replace("VARCHAR(40));", "VARCHAR(40));\nSELECT count(*) FROM customers;\n"
				+ "CREATE INDEX ix_name ON customers (name);"));
		Path script = Files.writeString(this.dir.resolve("model.sql"),
				"CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40));\n"
						+ "CREATE INDEX ix_name ON customers (name);\n");
		try (TestDatabase app = TestDatabases.create(DatabaseKind.POSTGRES)) {
			ModelCheckResult result = retort(app, revisions, List.of()).checkModel(DesiredSchema.ofScript(script));
			assertThat(result.differences()).isEmpty();
		}
	}

	@Test
	void aStatementFailingInAReplayedBatchIsNamedAndItsRevisionsEarlierWorkIsNotLeft() throws IOException {
		// The batch fails at its third statement; run again one by one, the failure names that statement.
		Path revisions = revisions(BASE.replace("VARCHAR(40));", "VARCHAR(40));\nCREATE INDEX ix_name ON customers (name);\n"
				+ "INSERT INTO nowhere VALUES (1);"));
		try (TestDatabase app = TestDatabases.create(DatabaseKind.POSTGRES)) {
			assertThatThrownBy(() -> retort(app, revisions, List.of()).checkModel(DesiredSchema.ofStatements(List.of())))
				.isInstanceOfSatisfying(RetortException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo(CoreErrorCode.STATEMENT_FAILED);
					assertThat(ex.revision()).isEqualTo("100000000001");
					assertThat(ex.statement()).isEqualTo("INSERT INTO nowhere VALUES (1)");
					assertThat(ex.line()).isEqualTo(8);
				})
				.hasMessageContaining("Replaying the revisions");
		}
	}

	@Test
	void aModelStatementThatRefusesATransactionBlockStillRuns() throws IOException {
		// The model runs statement by statement, outside a transaction block, which CONCURRENTLY refuses.
		Path revisions = revisions(BASE.replace("VARCHAR(40));", "VARCHAR(40));\nCREATE INDEX ix_name ON customers (name);"));
		Path script = Files.writeString(this.dir.resolve("model.sql"),
				"CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40));\n"
						+ "CREATE INDEX CONCURRENTLY ix_name ON customers (name);\n");
		try (TestDatabase app = TestDatabases.create(DatabaseKind.POSTGRES)) {
			ModelCheckResult result = retort(app, revisions, List.of()).checkModel(DesiredSchema.ofScript(script));
			assertThat(result.differences()).isEmpty();
			assertThat(result.clean()).isTrue();
		}
	}

	@Test
	void nothingToDoWritesNothingAndTwoRunsGiveIdenticalFiles() throws IOException {
		Path revisions = revisions(BASE);
		try (TestDatabase app = TestDatabases.create(DatabaseKind.H2)) {
			Retort retort = retort(app, revisions, List.of());
			GeneratedRevision none = retort.autogenerate(DesiredSchema.ofStatements(
					List.of("CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40))")),
					AutogenerateOptions.message("nothing"));
			assertThat(none.written()).isFalse();
			assertThat(files(revisions)).hasSize(1);

			DesiredSchema model = DesiredSchema.ofStatements(
					List.of("CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, full_name VARCHAR(40))"));
			AutogenerateOptions options = AutogenerateOptions.message("full name").withIdentity("300000000003", CREATED);
			GeneratedRevision first = retort.autogenerate(model,
					options.withOutputDirectory(Files.createDirectories(this.dir.resolve("one"))));
			GeneratedRevision second = retort.autogenerate(model,
					options.withOutputDirectory(Files.createDirectories(this.dir.resolve("two"))));
			assertThat(Files.readString(first.file())).isEqualTo(Files.readString(second.file()));
			assertThat(first.text()).contains("-- REVIEW: destructive", "possible rename");
			assertThat(first.warnings()).anySatisfy(w -> assertThat(w).contains("drop column CUSTOMERS.NAME"));
		}
	}

	@Test
	void checkListsEachDifferenceNamingTableAndColumn() throws IOException {
		Path revisions = revisions(BASE);
		try (TestDatabase app = TestDatabases.create(DatabaseKind.H2)) {
			ModelCheckResult result = retort(app, revisions, List.of()).checkModel(DesiredSchema.ofStatements(
					List.of("CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(80), phone VARCHAR(20))")),
					ScratchOptions.of("jdbc:h2:mem:any"));
			assertThat(result.clean()).isFalse();
			assertThat(result.differences()).anySatisfy(d -> assertThat(d).contains("CUSTOMERS.PHONE"))
				.anySatisfy(d -> assertThat(d).contains("CUSTOMERS.NAME"));
			assertThatThrownBy(result::requireClean).isInstanceOfSatisfying(RetortException.class,
					ex -> assertThat(ex.code()).isEqualTo(CoreErrorCode.MODEL_DRIFT));
		}
	}

	private Path revisions(String... texts) throws IOException {
		Path folder = Files.createDirectories(this.dir.resolve("revisions"));
		for (String text : texts) {
			String id = text.substring(text.indexOf("Revision ID: ") + 13, text.indexOf("Revision ID: ") + 25);
			Files.writeString(folder.resolve(id + ".sql"), text);
		}
		return folder;
	}

	@Test
	void aGeneratedModelsUniqueConstraintMatchesTheRevisionsUniqueIndex() throws IOException {
		Path revisions = revisions(BASE.replace("VARCHAR(40));", "VARCHAR(40));\nCREATE UNIQUE INDEX ux_name ON customers (name);"));
		List<String> statements = List.of("CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40))",
				"ALTER TABLE customers ADD CONSTRAINT uk_hashed UNIQUE (name)");
		try (TestDatabase app = TestDatabases.create(DatabaseKind.H2)) {
			Retort retort = retort(app, revisions, List.of());
			assertThat(retort.checkModel(DesiredSchema.generated("jpa", (c) -> statements)).clean()).isTrue();
			assertThat(retort.checkModel(DesiredSchema.ofStatements(statements)).differences())
				.anySatisfy(d -> assertThat(d).startsWith("drop index UX_NAME"));
		}
	}
}
