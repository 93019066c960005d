package dev.retort.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code create-schemas} and {@link Retort#dropSchema()}: a missing schema is created and recorded, and
 * dropped again only at base, only when Retort created it and only when nothing else is in it.
 */
class SchemaCreationTest {

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRES", "MARIADB" }) // SQLite: see below
	void createdSchemaIsRecordedAndDroppedAfterDowngradeToBase(DatabaseKind kind) throws SQLException {
		String schema = "rs_" + UUID.randomUUID().toString().substring(0, 8);
		RevisionFiles files = RevisionFiles.temporary();
		try (TestDatabase database = TestDatabases.create(kind)) {
			try {
				files.write("a1", List.of(), "notes", "CREATE TABLE " + schema + ".notes (id INT PRIMARY KEY);",
						"DROP TABLE " + schema + ".notes;");
				Retort retort = Retort.configure().dataSource(database.dataSource()).locations(files.location())
					.schema(schema).load();
				assertThat(schemaExists(database, schema)).isFalse();
				retort.upgrade("heads");
				assertThat(schemaExists(database, schema)).isTrue();
				assertThat(retort.appliedHistory(10)).filteredOn((row) -> row.direction() == Direction.CREATE_SCHEMA)
					.singleElement()
					.satisfies((row) -> assertThat(row.revision()).isEqualTo(schema));

				assertThatThrownBy(retort::dropSchema).isInstanceOfSatisfying(RetortException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.SCHEMA_NOT_DROPPABLE))
					.hasMessageContaining("not at base")
					.hasMessageContaining("a1");
				retort.downgrade("base");
				execute(database, "CREATE TABLE " + schema + ".kept (id INT)");
				assertThatThrownBy(retort::dropSchema).hasMessageContaining("holds more than Retort's own tables")
					.hasMessageFindingMatch("(?i)holds .*kept");
				assertThat(schemaExists(database, schema)).isTrue();
				execute(database, "DROP TABLE " + schema + ".kept");

				assertThat(retort.dropSchema()).isEqualTo(schema);
				assertThat(schemaExists(database, schema)).isFalse();
			}
			finally {
				dropQuietly(database, schema);
			}
		}
		finally {
			files.delete();
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRES", "MARIADB" })
	void aSchemaRetortDidNotCreateIsNeverDropped(DatabaseKind kind) throws SQLException {
		String schema = "rs_" + UUID.randomUUID().toString().substring(0, 8);
		RevisionFiles files = RevisionFiles.temporary();
		try (TestDatabase database = TestDatabases.create(kind)) {
			try {
				execute(database, "CREATE SCHEMA " + schema);
				files.write("a1", List.of(), "notes", "CREATE TABLE " + schema + ".notes (id INT PRIMARY KEY);",
						"DROP TABLE " + schema + ".notes;");
				Retort retort = Retort.configure().dataSource(database.dataSource()).locations(files.location())
					.schema(schema).load();
				retort.upgrade("heads");
				assertThat(retort.appliedHistory(10)).noneMatch((row) -> row.direction() == Direction.CREATE_SCHEMA);
				retort.downgrade("base");
				assertThatThrownBy(retort::dropSchema).isInstanceOfSatisfying(RetortException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.SCHEMA_NOT_DROPPABLE))
					.hasMessageContaining("Retort did not create schema " + schema);
				assertThat(schemaExists(database, schema)).isTrue();
			}
			finally {
				dropQuietly(database, schema);
			}
		}
		finally {
			files.delete();
		}
	}

	@Test
	void withoutCreateSchemasAMissingSchemaFailsAndNothingIsCreated() throws SQLException {
		RevisionFiles files = RevisionFiles.temporary();
		try (TestDatabase database = TestDatabases.create(DatabaseKind.H2)) {
			files.write("a1", List.of(), "empty", "SELECT 1;", "SELECT 1;");
			Retort retort = Retort.configure().dataSource(database.dataSource()).locations(files.location())
				.schema("nowhere").createSchemas(false).load();
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.DATABASE_ERROR));
			assertThat(schemaExists(database, "nowhere")).isFalse();
			assertThatThrownBy(retort::dropSchema).hasMessageContaining("does not exist");
		}
		finally {
			files.delete();
		}
	}

	@Test
	void sqliteCannotCreateASchemaAndSaysWhatToDo() {
		RevisionFiles files = RevisionFiles.temporary();
		try (TestDatabase database = TestDatabases.create(DatabaseKind.SQLITE)) {
			files.write("a1", List.of(), "empty", "SELECT 1;", "SELECT 1;");
			Retort retort = Retort.configure().dataSource(database.dataSource()).locations(files.location())
				.schema("elsewhere").load();
			assertThatThrownBy(() -> retort.upgrade("heads")).isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.UNSUPPORTED_BY_DIALECT))
				.hasMessageContaining("ATTACH");
		}
		finally {
			files.delete();
		}
	}

	private static boolean schemaExists(TestDatabase database, String schema) throws SQLException {
		String stored = (database.kind() == DatabaseKind.H2) ? schema.toUpperCase(Locale.ROOT) : schema;
		try (Connection connection = database.connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?")) {
			statement.setString(1, stored);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	private static void execute(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** On MariaDB a schema is a database of the server, outside the test's own: drop it here. */
	private static void dropQuietly(TestDatabase database, String schema) {
		try {
			execute(database, (database.kind() == DatabaseKind.MARIADB) ? "DROP DATABASE IF EXISTS " + schema
					: "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		catch (SQLException ex) {
			// The test's own database is dropped next; a leftover schema there goes with it.
		}
	}
}
