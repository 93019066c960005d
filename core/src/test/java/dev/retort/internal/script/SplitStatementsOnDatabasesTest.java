package dev.retort.internal.script;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statements the splitter cuts from one revision file (generic and dialect sections, functions,
 * triggers and procedures with bodies, quotes and comments holding semicolons) run as they are on
 * real PostgreSQL, MariaDB, H2 and SQLite, and the downgrade takes everything away again.
 */
class SplitStatementsOnDatabasesTest {

	private static final String REVISION = """
			-- splitter check on real databases
			-- Revision ID: split1
			-- Revises:

			-- +upgrade
			CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(200), touched INT);
			INSERT INTO notes (id, body, touched) VALUES (1, 'semi; colon', 0); -- trailing; comment
			/* block; comment */ INSERT INTO notes (id, body, touched) VALUES (2, 'it''s', 0);

			-- +upgrade dialect=postgresql
			CREATE FUNCTION touch() RETURNS trigger AS $fn$
			BEGIN
			  -- inside; the body
			  NEW.touched := NEW.touched + 1;
			  IF NEW.body = 'x;y' THEN
			    NEW.body := $q$quoted; text$q$;
			  END IF;
			  RETURN NEW;
			END;
			$fn$ LANGUAGE plpgsql;
			CREATE TRIGGER notes_touch BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION touch();
			INSERT INTO notes (id, body, touched) VALUES (3, 'x;y', 0);
			INSERT INTO notes (id, body, touched) VALUES (4, E'back\\'slash;', 0);

			-- +upgrade dialect=mariadb
			CREATE TRIGGER notes_touch BEFORE INSERT ON notes FOR EACH ROW
			BEGIN
			  SET NEW.touched = NEW.touched + 1;
			  IF NEW.body = 'x;y' THEN
			    SET NEW.body = 'quoted; text';
			  END IF;
			END;
			CREATE PROCEDURE add_notes(IN n INT)
			BEGIN
			  DECLARE i INT DEFAULT 0;
			  WHILE i < n DO
			    SET i = i + 1;
			    INSERT INTO notes (id, body, touched)
			      VALUES (100 + i, CASE WHEN i = 1 THEN 'one;' ELSE 'many;' END, 0);
			  END WHILE;
			END;
			INSERT INTO notes (id, body, touched) VALUES (3, 'x;y', 0);
			INSERT INTO notes (id, body, touched) VALUES (4, 'back\\'slash;', 0); # a; comment
			CALL add_notes(2);

			-- +upgrade dialect=h2
			CREATE ALIAS SEMI AS $$ String semi(String s) { return s + ";"; } $$;
			INSERT INTO notes (id, body, touched) VALUES (3, SEMI('quoted') || ' text', 1);
			INSERT INTO notes (id, body, touched) VALUES (4, 'back''slash;', 1);

			-- +upgrade dialect=sqlite
			CREATE TRIGGER notes_touch AFTER INSERT ON notes FOR EACH ROW
			BEGIN
			  UPDATE notes SET touched = touched + 1, -- a; comment
			    body = CASE WHEN NEW.body = 'x;y' THEN 'quoted; text' ELSE NEW.body END
			  WHERE id = NEW.id;
			END;
			INSERT INTO notes (id, body, touched) VALUES (3, 'x;y', 0);
			INSERT INTO notes (id, body, touched) VALUES (4, 'back''slash;', 0);

			-- +downgrade dialect=sqlite
			DROP TRIGGER notes_touch;

			-- +downgrade dialect=postgresql
			DROP TRIGGER notes_touch ON notes;
			DROP FUNCTION touch();

			-- +downgrade dialect=mariadb
			DROP PROCEDURE add_notes;
			DROP TRIGGER notes_touch;

			-- +downgrade dialect=h2
			DROP ALIAS SEMI;

			-- +downgrade
			DROP TABLE notes;
			""";

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void splitStatementsRunOnTheDatabase(DatabaseKind kind) throws SQLException {
		String dialect = switch (kind) {
			case POSTGRES -> "postgresql";
			case MARIADB -> "mariadb";
			case H2 -> "h2";
			case SQLITE -> "sqlite";
		};
		SqlBody body = (SqlBody) RevisionScript.ofSql("split1.sql", REVISION).body();
		try (TestDatabase database = TestDatabases.create(kind); Connection connection = database.connect()) {
			run(connection, body.upgradeStatements(dialect));
			assertThat(body(connection, 1)).isEqualTo("semi; colon");
			assertThat(body(connection, 2)).isEqualTo("it's");
			assertThat(body(connection, 3)).isEqualTo("quoted; text");
			assertThat(body(connection, 4)).isEqualTo("back'slash;");
			assertThat(touched(connection, 3)).isEqualTo(1);
			if (kind == DatabaseKind.MARIADB) {
				assertThat(body(connection, 101)).isEqualTo("one;");
				assertThat(body(connection, 102)).isEqualTo("many;");
			}
			run(connection, body.downgradeStatements(dialect));
			assertThatThrownBy(() -> body(connection, 1)).isInstanceOf(SQLException.class);
		}
	}

	private static void run(Connection connection, List<SqlStatement> statements) throws SQLException {
		for (SqlStatement statement : statements) {
			try (Statement jdbc = connection.createStatement()) {
				jdbc.execute(statement.sql());
			}
			catch (SQLException ex) {
				throw new SQLException("line " + statement.line() + ": " + statement.sql() + ": " + ex.getMessage(), ex);
			}
		}
	}

	private static String body(Connection connection, int id) throws SQLException {
		return (String) value(connection, "SELECT body FROM notes WHERE id = " + id);
	}

	private static int touched(Connection connection, int id) throws SQLException {
		return ((Number) value(connection, "SELECT touched FROM notes WHERE id = " + id)).intValue();
	}

	private static Object value(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			assertThat(rs.next()).as(sql).isTrue();
			return rs.getObject(1);
		}
	}
}
