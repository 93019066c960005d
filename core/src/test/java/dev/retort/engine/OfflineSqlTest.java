package dev.retort.engine;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.AlterColumn;
import dev.retort.Column;
import dev.retort.ConstraintType;
import dev.retort.CoreErrorCode;
import dev.retort.Migration;
import dev.retort.Operations;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.SqlType;
import dev.retort.internal.script.SqlStatement;
import dev.retort.internal.script.SqlStatementSplitter;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offline SQL run through JDBC gives the same schema and version rows as the online upgrade. */
class OfflineSqlTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	/** A Java revision built from the DSL, rendered offline through recording Operations. */
	@Revision(id = "o3", revises = "o2", message = "tags from Java")
	public static final class TagsRevision implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("tags", Column.of("id", SqlType.integer()).primaryKey(),
					Column.of("label", SqlType.varchar(40)).notNull());
			op.addColumn("customers", Column.of("tag_id", SqlType.integer()));
		}

		@Override
		public void downgrade(Operations op) {
			op.dropColumn("customers", "tag_id");
			op.dropTable("tags");
		}
	}

	/** A Java revision that reads the database, which offline SQL cannot do. */
	@Revision(id = "o4", revises = "o3", message = "reads rows")
	public static final class ReadingRevision implements Migration {

		@Override
		public void upgrade(Operations op) throws Exception {
			try (Statement statement = op.connection().createStatement()) {
				statement.execute("SELECT 1");
			}
		}
	}

	/** A Java revision SQLite can only run in batch mode: a type change and a check constraint. */
	@Revision(id = "o5", revises = "o2", message = "batch on SQLite")
	public static final class BatchRevision implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.alterColumn(AlterColumn.of("orders", "total").type(SqlType.decimal(12, 2)).nullable(false));
			op.createCheckConstraint("ck_orders_total", "orders", "total >= 0");
		}

		@Override
		public void downgrade(Operations op) {
			op.dropConstraint("ck_orders_total", "orders", ConstraintType.CHECK);
			op.alterColumn(AlterColumn.of("orders", "total").type(SqlType.decimal(10, 2)).nullable(true));
		}
	}

	/**
	 * SQLite's batch mode offline: the rebuild is rendered from the table as the earlier revisions
	 * left it (replayed into an in-memory database), from base and from a later start alike, and the
	 * script gives the online schema, indexes and rows included.
	 */
	@Test
	void sqliteBatchModeRendersOfflineFromTheReplayedSchema() throws Exception {
		writeFiles();
		try (TestDatabase online = TestDatabases.create(DatabaseKind.SQLITE);
				TestDatabase offline = TestDatabases.create(DatabaseKind.SQLITE)) {
			Retort offlineRetort = Retort.configure().dataSource(offline.dataSource()).locations(this.files.location())
				.javaMigrations(List.of(new BatchRevision())).load();
			runScript(offline, offlineRetort.upgradeSql("o2"));
			try (Connection c = offline.connect(); Statement s = c.createStatement()) {
				s.execute("INSERT INTO orders VALUES (7, 1, 12.5)");
			}
			// From o2, not base: o1 and o2 are replayed into the in-memory copy first.
			String script = offlineRetort.upgradeSql("o2:o5");
			assertThat(script).contains("CREATE TABLE \"_retort_batch_orders\"", "NUMERIC(12, 2)", "ck_orders_total",
					"CREATE INDEX orders_customer ON orders (customer_id)");
			runScript(offline, script);

			Retort onlineRetort = Retort.configure().dataSource(online.dataSource()).locations(this.files.location())
				.javaMigrations(List.of(new BatchRevision())).load();
			onlineRetort.upgrade("o2");
			try (Connection c = online.connect(); Statement s = c.createStatement()) {
				s.execute("INSERT INTO orders VALUES (7, 1, 12.5)");
			}
			onlineRetort.upgrade("o5");
			assertThat(schema(offline)).contains("orders.total NUMERIC(12, 2) NO").isEqualTo(schema(online));
			assertThat(offlineRetort.schemaState().sameAs(onlineRetort.schemaState())).isTrue();
			assertThat(DatabaseState.column(offline, "SELECT total FROM orders")).containsExactly("12.5");
			assertThat(DatabaseState.versionRows(offline)).containsExactly("o5");

			runScript(offline, offlineRetort.downgradeSql("o5:o2"));
			onlineRetort.downgrade("o2");
			assertThat(schema(offline)).isEqualTo(schema(online));
			assertThat(offlineRetort.schemaState().sameAs(onlineRetort.schemaState())).isTrue();
		}
	}

	/**
	 * A statement that cannot run on the in-memory copy (a table the revisions did not make) does not
	 * stop the script; only a later batch operation, which would need the copy, is refused.
	 */
	@Test
	void sqliteStatementsTheCopyCannotRunStillRender() {
		this.files.write("o1", List.of(), "legacy rows", "INSERT INTO legacy_table VALUES (1);", null);
		this.files.write("o2", List.of("o1"), "orders", "CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10, 2));",
				"DROP TABLE orders;");
		Retort retort = Retort.configure().dialect("sqlite").locations(this.files.location()).load();
		assertThat(retort.upgradeSql("heads")).contains("INSERT INTO legacy_table VALUES (1);",
				"CREATE TABLE orders (id INT PRIMARY KEY, total DECIMAL(10, 2));");
		Retort batch = Retort.configure().dialect("sqlite").locations(this.files.location())
			.javaMigrations(List.of(new BatchRevision())).load();
		assertThatThrownBy(() -> batch.upgradeSql("heads")).isInstanceOfSatisfying(RetortException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.OFFLINE_NOT_SUPPORTED));
	}

	private static void runScript(TestDatabase db, String script) throws Exception {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			for (SqlStatement sql : SqlStatementSplitter.split(script)) {
				statement.execute(sql.sql());
			}
		}
	}

	private void writeFiles() {
		this.files.write("o1", List.of(), "customers",
				"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
						+ "INSERT INTO customers VALUES (1, 'it''s; tricky');",
				"DROP TABLE customers;");
		this.files.write("o2", List.of("o1"), "orders",
				"CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10, 2));\n"
						+ "CREATE INDEX orders_customer ON orders (customer_id);",
				"DROP TABLE orders;");
	}

	private Retort retort(TestDatabase db, boolean withReadingRevision) {
		List<Migration> java = withReadingRevision ? List.of(new TagsRevision(), new ReadingRevision())
				: List.of(new TagsRevision());
		return Retort.configure().dataSource(db.dataSource()).locations(this.files.location()).javaMigrations(java)
			.load();
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void offlineScriptGivesTheOnlineSchema(DatabaseKind kind) throws Exception {
		writeFiles();
		try (TestDatabase online = TestDatabases.create(kind); TestDatabase offline = TestDatabases.create(kind)) {
			String script = retort(offline, false).upgradeSql("heads");
			assertThat(script).contains("-- Running upgrade  -> o1, customers", "-- Running upgrade o2 -> o3, tags from Java");
			assertThat(script.split("COMMIT;", -1)).hasSize(5); // version table + 3 revisions
			try (Connection connection = offline.connect(); Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				for (SqlStatement sql : SqlStatementSplitter.split(script)) {
					statement.execute(sql.sql());
				}
			}
			retort(online, false).upgrade("heads");
			assertThat(schema(offline)).isNotEmpty().isEqualTo(schema(online));
			assertThat(DatabaseState.versionRows(offline)).isEqualTo(DatabaseState.versionRows(online))
				.containsExactly("o3");
			assertThat(DatabaseState.column(offline, "SELECT name FROM customers")).containsExactly("it's; tricky");

			// And back down: a range, as Alembic requires offline.
			String down = retort(offline, false).downgradeSql("o3:o1");
			try (Connection connection = offline.connect(); Statement statement = connection.createStatement()) {
				for (SqlStatement sql : SqlStatementSplitter.split(down)) {
					statement.execute(sql.sql());
				}
			}
			retort(online, false).downgrade("o1");
			assertThat(schema(offline)).isEqualTo(schema(online));
			assertThat(DatabaseState.versionRows(offline)).containsExactly("o1");
		}
	}

	@Test
	void rangeAndSingleRevisionRendering() {
		this.files.write("o1", List.of(), "customers", "CREATE TABLE customers (id INT PRIMARY KEY);",
				"DROP TABLE customers;");
		this.files.write("o2", List.of("o1"), "orders", "CREATE TABLE orders (id INT);", null);
		Retort retort = Retort.configure().dialect("postgresql").locations(this.files.location())
			.javaMigrations(List.of(new TagsRevision())).load();
		String range = retort.upgradeSql("o1:o2");
		assertThat(range).doesNotContain("CREATE TABLE \"retort_version\"", "customers")
			.contains("CREATE TABLE orders (id INT);", "UPDATE \"retort_version\" SET \"version_num\" = 'o2'"
					+ " WHERE \"version_num\" = 'o1';");
		assertThat(retort.renderSql("o3", true)).contains("CREATE TABLE \"tags\"");
		assertThat(retort.renderSql("o2", false)).contains("irreversible");
		Retort finalRetort = retort;
		assertThatThrownBy(() -> finalRetort.downgradeSql("o3:base")).isInstanceOfSatisfying(RetortException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(CoreErrorCode.IRREVERSIBLE_REVISION);
					assertThat(ex.getMessage()).contains("o2", "0002_o2.sql");
				});
	}

	@Test
	void javaRevisionNeedingTheConnectionCannotBeRenderedOffline() {
		writeFiles();
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			Retort retort = retort(db, true);
			assertThatThrownBy(() -> retort.upgradeSql("heads")).isInstanceOfSatisfying(RetortException.class,
					(ex) -> {
						assertThat(ex.code()).isEqualTo(CoreErrorCode.OFFLINE_NOT_SUPPORTED);
						assertThat(ex.getMessage()).contains(ReadingRevision.class.getName());
					});
			// Online it runs.
			assertThat(retort.upgrade("heads").headsAfter()).containsExactly("o4");
		}
	}

	private static String columnsQuery(String filter) {
		return "SELECT CONCAT(table_name, '.', column_name, ' ', data_type, ' ', is_nullable)"
				+ " FROM information_schema.columns WHERE " + filter + " ORDER BY table_name, column_name";
	}

	/** Columns of the user's tables (Retort's own history and lock tables left out). */
	private static List<String> schema(TestDatabase db) {
		String query = switch (db.kind()) {
			case POSTGRES -> columnsQuery("table_schema = 'public'");
			case MARIADB -> columnsQuery("table_schema = DATABASE()");
			case H2 -> columnsQuery("table_schema = 'PUBLIC'");
			// SQLite has no information_schema: its catalog and table_info give the same facts.
			case SQLITE -> "SELECT m.name || '.' || c.name || ' ' || c.type || ' ' || CASE c.\"notnull\" WHEN 1"
					+ " THEN 'NO' ELSE 'YES' END FROM sqlite_master m JOIN pragma_table_info(m.name) c"
					+ " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.name";
		};
		return DatabaseState.column(db, query)
			.stream()
			.filter((column) -> !column.toLowerCase(Locale.ROOT).startsWith("retort_history.")
					&& !column.toLowerCase(Locale.ROOT).startsWith("retort_version_lock."))
			.toList();
	}
}
