package dev.retort.internal.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.internal.script.SqlStatementSplitter.Syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlStatementSplitterTest {

	private static List<String> sql(List<SqlStatement> statements) {
		return statements.stream().map(SqlStatement::sql).toList();
	}

	private static List<Integer> lines(List<SqlStatement> statements) {
		return statements.stream().map(SqlStatement::line).toList();
	}

	@Test
	void splitsOnSemicolonsAndRecordsStartLines() {
		List<SqlStatement> statements = SqlStatementSplitter.split("CREATE TABLE a (id INT);\n\nINSERT INTO a VALUES (1);\n"
				+ "  INSERT INTO a\n  VALUES (2)");
		assertThat(sql(statements)).containsExactly("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)",
				"INSERT INTO a\n  VALUES (2)");
		assertThat(lines(statements)).containsExactly(1, 3, 4);
	}

	@Test
	void firstLineOffsetsLineNumbers() {
		List<SqlStatement> statements = SqlStatementSplitter.split("\nSELECT 1;\nSELECT 2;", "f.sql", 10,
				Syntax.STANDARD);
		assertThat(lines(statements)).containsExactly(11, 12);
	}

	@Test
	void semicolonInsideStringsWithEscapedQuotes() {
		List<SqlStatement> statements = SqlStatementSplitter
			.split("INSERT INTO t VALUES ('a;b', 'it''s; fine');\nSELECT ';'';'");
		assertThat(sql(statements)).containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT ';'';'");
	}

	@Test
	void semicolonInsideQuotedIdentifiersAndBackticks() {
		List<SqlStatement> statements = SqlStatementSplitter
			.split("CREATE TABLE \"we;ird\"\"x\" (id INT);\nCREATE TABLE `b;t``x` (id INT);");
		assertThat(sql(statements)).containsExactly("CREATE TABLE \"we;ird\"\"x\" (id INT)",
				"CREATE TABLE `b;t``x` (id INT)");
	}

	@Test
	void semicolonInsideCommentsDoesNotSplitAndCommentsAreTrimmed() {
		List<SqlStatement> statements = SqlStatementSplitter.split("-- leading; comment\nSELECT 1 -- trailing; comment\n"
				+ ", 2 /* block; comment */;\n/* only; a comment */;\n-- another;\n;;\nSELECT 3; -- done;");
		assertThat(sql(statements)).containsExactly("SELECT 1 -- trailing; comment\n, 2", "SELECT 3");
		assertThat(lines(statements)).containsExactly(2, 7);
	}

	@Test
	void nestedBlockCommentsInStandardSyntax() {
		List<SqlStatement> statements = SqlStatementSplitter.split("/* outer /* inner; */ still; comment */ SELECT 1;"
				+ "SELECT 2;");
		assertThat(sql(statements)).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void blockCommentsDoNotNestInMysqlSyntax() {
		List<SqlStatement> statements = SqlStatementSplitter.split("/* a /* b */ SELECT 1; SELECT 2;", "m.sql", 1,
				Syntax.MYSQL);
		assertThat(sql(statements)).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void dollarQuotesWithAndWithoutTags() {
		List<SqlStatement> statements = SqlStatementSplitter.split("SELECT $$a;b$$;\nSELECT $body$ x; $$ y; $body$;\n"
				+ "SELECT $1;");
		assertThat(sql(statements)).containsExactly("SELECT $$a;b$$", "SELECT $body$ x; $$ y; $body$", "SELECT $1");
	}

	@Test
	void dollarInsideIdentifierIsNotAQuote() {
		List<SqlStatement> statements = SqlStatementSplitter.split("SELECT a$b$c FROM t;SELECT 2;");
		assertThat(sql(statements)).containsExactly("SELECT a$b$c FROM t", "SELECT 2");
	}

	@Test
	void plpgsqlFunctionKeptWhole() {
		String function = """
				CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $fn$
				BEGIN
				  -- a comment; with a semicolon
				  NEW.updated := now();
				  IF NEW.name = 'x;y' THEN
				    RAISE NOTICE 'semi; colon';
				  END IF;
				  RETURN NEW;
				END;
				$fn$ LANGUAGE plpgsql""";
		List<SqlStatement> statements = SqlStatementSplitter.split("CREATE TABLE t (id INT);\n" + function
				+ ";\nCREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();\n");
		assertThat(sql(statements)).containsExactly("CREATE TABLE t (id INT)", function,
				"CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()");
		assertThat(lines(statements)).containsExactly(1, 2, 12);
	}

	@Test
	void mysqlTriggerAndProcedureWithBeginEndKeptWhole() {
		String trigger = """
				CREATE DEFINER=`root`@`%` TRIGGER trg BEFORE INSERT ON t FOR EACH ROW
				BEGIN
				  IF NEW.a IS NULL THEN
				    SET NEW.a = 'x;y';
				  END IF;
				  SET NEW.b = CASE WHEN NEW.a = 'x' THEN 1 ELSE 2 END;
				END""";
		String procedure = """
				CREATE PROCEDURE p(IN n INT)
				BEGIN
				  DECLARE i INT DEFAULT 0;
				  lbl: LOOP
				    SET i = i + 1;
				    IF i > n THEN LEAVE lbl; END IF;
				  END LOOP;
				  WHILE i > 0 DO SET i = i - 1; END WHILE;
				  BEGIN
				    SELECT i;
				  END;
				END""";
		List<SqlStatement> statements = SqlStatementSplitter.split(trigger + ";\n" + procedure + ";\nSELECT 1;",
				"m.sql", 1, Syntax.MYSQL);
		assertThat(sql(statements)).containsExactly(trigger, procedure, "SELECT 1");
		assertThat(lines(statements)).containsExactly(1, 8, 20);
	}

	@Test
	void mariadbAnonymousBlockKeptWholeButPlainBeginSplits() {
		List<SqlStatement> statements = SqlStatementSplitter
			.split("BEGIN NOT ATOMIC\n SELECT 1;\n SELECT 2;\nEND;\nBEGIN;\nSELECT 3;\nCOMMIT;", "m.sql", 1, Syntax.MYSQL);
		assertThat(sql(statements)).containsExactly("BEGIN NOT ATOMIC\n SELECT 1;\n SELECT 2;\nEND", "BEGIN", "SELECT 3",
				"COMMIT");
	}

	@Test
	void sqlStandardBeginAtomicFunctionBody() {
		String function = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT a + 1; END";
		List<SqlStatement> statements = SqlStatementSplitter.split(function + ";\nSELECT f(1);");
		assertThat(sql(statements)).containsExactly(function, "SELECT f(1)");
	}

	@Test
	void beginInOrdinaryStatementsDoesNotOpenABlock() {
		List<SqlStatement> statements = SqlStatementSplitter.split("CREATE TABLE x (begin_at INT);\nSELECT 1;");
		assertThat(sql(statements)).containsExactly("CREATE TABLE x (begin_at INT)", "SELECT 1");
	}

	@Test
	void backslashEscapesOnlyInMysqlOrEscapeStrings() {
		assertThat(sql(SqlStatementSplitter.split("SELECT 'it\\'s;';SELECT 2", "m.sql", 1, Syntax.MYSQL)))
			.containsExactly("SELECT 'it\\'s;'", "SELECT 2");
		assertThat(sql(SqlStatementSplitter.split("SELECT E'it\\'s;';SELECT 'C:\\';SELECT 3")))
			.containsExactly("SELECT E'it\\'s;'", "SELECT 'C:\\'", "SELECT 3");
	}

	@Test
	void mysqlHashCommentsAndExecutableComments() {
		List<SqlStatement> statements = SqlStatementSplitter.split("# a; comment\nSELECT 1;\n/*!40101 SET NAMES utf8 */;",
				"m.sql", 1, Syntax.MYSQL);
		assertThat(sql(statements)).containsExactly("SELECT 1", "/*!40101 SET NAMES utf8 */");
	}

	@Test
	void crlfAndCrLineEndingsCountLines() {
		List<SqlStatement> statements = SqlStatementSplitter.split("SELECT 1;\r\n\r\nSELECT 2;\rSELECT 3;");
		assertThat(lines(statements)).containsExactly(1, 3, 4);
		assertThat(sql(statements)).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
	}

	@Test
	void multiLineStringsAdvanceLineNumbers() {
		List<SqlStatement> statements = SqlStatementSplitter.split("SELECT 'a\nb\nc';\nSELECT $$\n\n$$;\nSELECT 3;");
		assertThat(lines(statements)).containsExactly(1, 4, 7);
	}

	@Test
	void unterminatedConstructsNameSourceAndLine() {
		assertMalformed("SELECT 1;\nSELECT 'abc;\n", 2, "string literal");
		assertMalformed("SELECT 1;\n\nSELECT \"abc;\n", 3, "quoted identifier");
		assertMalformed("SELECT `abc;\n", 1, "quoted identifier");
		assertMalformed("SELECT 1;\nSELECT $tag$ body;\n$other$;", 2, "dollar quote $tag$");
		assertMalformed("SELECT 1;\n/* not closed;\nSELECT 2;", 2, "block comment");
		assertMalformed("/* a /* nested */ still open;\n", 1, "block comment");
		assertMalformed("SELECT 1;\nCREATE PROCEDURE p() BEGIN\n SELECT 1;\n", 2, "BEGIN ... END");
	}

	private static void assertMalformed(String script, int line, String what) {
		assertThatThrownBy(() -> SqlStatementSplitter.split(script, "db/x.sql", 1, Syntax.STANDARD))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.MALFORMED_REVISION);
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.source()).isEqualTo("db/x.sql");
				assertThat(ex.getMessage()).contains("db/x.sql, line " + line).contains(what);
			});
	}
}
