package dev.retort.hibernate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script written for a live database's engine and version (read from the connection) runs on that
 * database: every table is created and the column default works. Each test database is dropped after.
 */
class CreateScriptOnDatabaseTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void theScriptRunsOnTheEngineItWasWrittenFor(DatabaseKind kind) throws SQLException {
		JpaModel model = TestProject.sample(this.dir).build();
		try (TestDatabase database = TestDatabases.create(kind); Connection connection = database.connect()) {
			CreateScript script = model.createScript(connection);

			assertThat(script.target().engine()).isEqualTo(switch (kind) {
				case H2 -> DatabaseEngine.H2;
				case POSTGRES -> DatabaseEngine.POSTGRESQL;
				case MARIADB -> DatabaseEngine.MARIADB;
			});
			int major = connection.getMetaData().getDatabaseMajorVersion();
			int minor = connection.getMetaData().getDatabaseMinorVersion();
			assertThat(script.target().majorVersion()).isEqualTo(major);
			assertThat(script.target().minorVersion()).isEqualTo(minor);
			if (kind == DatabaseKind.MARIADB) {
				// MariaDB has a uuid type from 10.7: the script follows the server's version.
				boolean nativeUuid = major > 10 || (major == 10 && minor >= 7);
				assertThat(script.statements().get(0)).contains(nativeUuid ? "entry_id uuid" : "entry_id binary(16)");
			}
			try (Statement statement = connection.createStatement()) {
				for (String sql : script.statements()) {
					statement.execute(sql);
				}
			}

			assertThat(tables(connection)).contains("customers", "order", "audit_entry");
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("insert into customers (id, last_name, email_address, nickname) values (1,"
						+ " 'Lovelace', 'ada@example.org', 'Ada')");
				try (ResultSet rows = statement.executeQuery("select loyalty_points from customers where id = 1")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getInt(1)).isZero();
				}
			}
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

}
