package dev.retort.internal.database.sqlite;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.AlterColumn;
import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.SqlType;
import dev.retort.internal.ops.LiveOperations;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite's batch mode: each rebuild keeps the rows, the indexes, the triggers and the foreign keys. */
class SqliteBatchTest {

	private static final String SCHEMA = """
			CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name VARCHAR(20) NOT NULL DEFAULT 'x'
			  COLLATE NOCASE, CONSTRAINT ck_name CHECK (name <> 'bad, really'));
			CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE,
			  note TEXT, CONSTRAINT uq_note UNIQUE (note));
			CREATE INDEX ix_parent_name ON parent (name);
			CREATE TABLE audit (what TEXT);
			CREATE TRIGGER parent_audit AFTER INSERT ON parent BEGIN INSERT INTO audit VALUES ('parent ' || NEW.name); END;
			INSERT INTO parent (name) VALUES ('a'), ('b');
			INSERT INTO child VALUES (10, 1, 'one'), (11, 2, 'two')
			""";

	private static void setUp(Connection c, boolean foreignKeys) throws Exception {
		try (Statement s = c.createStatement()) {
			for (String sql : SCHEMA.split(";\n")) {
				s.execute(sql);
			}
			s.execute("PRAGMA foreign_keys = " + (foreignKeys ? "ON" : "OFF"));
		}
	}

	private static List<String> column(Connection c, String sql) throws Exception {
		List<String> values = new java.util.ArrayList<>();
		try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static String tableSql(Connection c, String name) throws Exception {
		return column(c, "SELECT sql FROM sqlite_master WHERE name = '" + name + "'").get(0);
	}

	@Test
	void alterColumnKeepsRowsIndexesTriggersAndChildren() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE); Connection c = db.connect()) {
			setUp(c, true);
			LiveOperations op = new LiveOperations(c);
			// With foreign keys enforced, dropping the parent would cascade into child: refused.
			assertThatThrownBy(() -> op.alterColumn(AlterColumn.of("parent", "name").nullable(true)))
				.isInstanceOfSatisfying(RetortException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_OPERATION))
				.hasMessageContaining("foreign_keys");
			new SqliteDatabase().startRun(c); // what a run does first
			c.setAutoCommit(false); // as in a revision's transaction
			op.alterColumn(AlterColumn.of("parent", "name").type(SqlType.varchar(40)).nullable(true).defaultValue("y"));
			c.commit();
			c.setAutoCommit(true);
			new SqliteDatabase().endRun(c);
			String sql = tableSql(c, "parent");
			assertThat(sql).contains("\"parent\"", "VARCHAR(40)", "DEFAULT 'y'", "COLLATE NOCASE",
					"CONSTRAINT ck_name CHECK (name <> 'bad, really')", "AUTOINCREMENT").doesNotContain("NOT NULL DEFAULT 'x'");
			assertThat(column(c, "SELECT id || name FROM parent ORDER BY id")).containsExactly("1a", "2b");
			assertThat(column(c, "SELECT name FROM sqlite_master WHERE tbl_name = 'parent' AND type <> 'table'"))
				.contains("ix_parent_name", "parent_audit");
			assertThat(column(c, "SELECT name FROM sqlite_master WHERE name LIKE '_retort_batch_%'")).isEmpty();
			// The trigger and the generated ids still work, and the child's foreign key still points here.
			op.execute("INSERT INTO parent (name) VALUES (NULL)");
			assertThat(column(c, "SELECT what FROM audit")).containsExactly("parent a", "parent b", null);
			assertThat(column(c, "SELECT max(id) FROM parent")).containsExactly("3");
			assertThat(column(c, "SELECT count(*) FROM child")).containsExactly("2");
			assertThat(op.executedStatements()).anyMatch((s) -> s.startsWith("CREATE TABLE \"_retort_batch_parent\""))
				.contains("DROP TABLE \"parent\"", "ALTER TABLE \"_retort_batch_parent\" RENAME TO \"parent\"");
			// Enforced again after the run.
			try (Statement s = c.createStatement()) {
				assertThatThrownBy(() -> s.execute("INSERT INTO child VALUES (12, 99, 'orphan')"))
					.hasMessageContaining("FOREIGN KEY");
			}
		}
	}

	@Test
	void constraintsAreAddedAndDroppedByName() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE); Connection c = db.connect()) {
			setUp(c, false);
			LiveOperations op = new LiveOperations(c);
			op.dropConstraint("ck_name", "parent");
			op.dropConstraint("uq_note", "child");
			op.createCheckConstraint("ck_note", "child", "note <> ''");
			assertThat(tableSql(c, "parent")).doesNotContain("ck_name");
			assertThat(tableSql(c, "child")).doesNotContain("uq_note").contains("CONSTRAINT \"ck_note\" CHECK (note <> '')",
					"REFERENCES parent (id) ON DELETE CASCADE");
			assertThat(column(c, "SELECT note FROM child ORDER BY id")).containsExactly("one", "two");
			assertThatThrownBy(() -> op.dropConstraint("nope", "child")).isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_OPERATION));
			// A foreign key added to rows that break it fails the check after the rebuild.
			op.execute("INSERT INTO child VALUES (12, NULL, 'x')");
			op.addColumn("child", dev.retort.Column.of("other_id", SqlType.integer()));
			op.execute("UPDATE child SET other_id = 99 WHERE id = 12");
			c.setAutoCommit(false);
			assertThatThrownBy(() -> op.createForeignKey("fk_other", "child", "other_id", "parent", "id"))
				.isInstanceOfSatisfying(RetortException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo(CoreErrorCode.STATEMENT_FAILED);
					assertThat(ex.getMessage()).contains("foreign_key_check", "child rowid 12 -> parent");
				});
			c.rollback();
			c.setAutoCommit(true);
			assertThat(tableSql(c, "child")).doesNotContain("fk_other");
			op.execute("UPDATE child SET other_id = 1");
			op.createForeignKey("fk_other", "child", "other_id", "parent", "id");
			assertThat(tableSql(c, "child")).contains("CONSTRAINT \"fk_other\" FOREIGN KEY (\"other_id\") REFERENCES \"parent\" (\"id\")");
		}
	}

	@Test
	void batchModeWorksInAnAttachedSchema() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE); Connection c = db.connect()) {
			try (Statement s = c.createStatement()) {
				s.execute("ATTACH DATABASE '" + db.url().substring("jdbc:sqlite:".length()) + "_app' AS app");
				s.execute("CREATE TABLE app.items (id INTEGER PRIMARY KEY, label VARCHAR(10))");
				s.execute("CREATE INDEX app.ix_items_label ON items (label)");
				s.execute("INSERT INTO app.items VALUES (1, 'a')");
			}
			LiveOperations op = new LiveOperations(c);
			op.alterColumn(AlterColumn.of("app.items", "label").nullable(false).type(SqlType.varchar(30)));
			assertThat(column(c, "SELECT sql FROM app.sqlite_master WHERE name = 'items'").get(0)).contains("VARCHAR(30)",
					"NOT NULL");
			assertThat(column(c, "SELECT name FROM app.sqlite_master WHERE type = 'index'")).contains("ix_items_label");
			assertThat(column(c, "SELECT label FROM app.items")).containsExactly("a");
			assertThat(column(c, "SELECT count(*) FROM main.sqlite_master WHERE name = 'items'")).containsExactly("0");
		}
	}
}
