package dev.retort.internal.script;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;
import dev.retort.RetortException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Malformed SQL revision files: each is refused with a stable code and a message naming the file
 * and the line. Header problems surface when loading; body problems when the body is first read.
 */
class MalformedRevisionTest {

	private static final String SOURCE = "classpath:db/revisions/bad.sql";

	private static final String OK_HEAD = "-- message\n-- Revision ID: abc\n-- Revises: p1\n";

	static Stream<Arguments> headerProblems() {
		return Stream.of(
				arguments("missing Revision ID", "-- message\n-- Revises:\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 1, "missing 'Revision ID:'"),
				arguments("id with dash", "-- m\n-- Revision ID: ab-cd\n-- Revises:\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.ILLEGAL_REVISION_ID, 2, "'-'"),
				arguments("id with at", "-- m\n-- Revision ID: ab@cd\n-- Revises:\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.ILLEGAL_REVISION_ID, 2, "'@'"),
				arguments("id with plus", "-- m\n-- Revision ID: ab+1\n-- Revises:\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.ILLEGAL_REVISION_ID, 2, "'+'"),
				arguments("id with space", "-- m\n-- Revision ID: ab cd\n-- Revises:\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.ILLEGAL_REVISION_ID, 2, "whitespace"),
				arguments("id with colon", "-- m\n-- Revision ID: ab:cd\n-- Revises:\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.ILLEGAL_REVISION_ID, 2, "':'"),
				arguments("empty id", "-- m\n-- Revision ID:\n-- Revises:\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.ILLEGAL_REVISION_ID, 2, "empty"),
				arguments("id of 33 characters",
						"-- m\n\n-- Revision ID: " + "a".repeat(33) + "\n-- Revises:\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.ILLEGAL_REVISION_ID, 3, "33 characters"),
				arguments("illegal down revision", OK_HEAD.replace("p1", "p1, -1") + "-- +upgrade\nSELECT 1;",
						CoreErrorCode.ILLEGAL_REVISION_ID, 3, "Revises"),
				arguments("empty entry in Revises", OK_HEAD.replace("p1", "p1,,p2") + "-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 3, "empty entry"),
				arguments("down revision listed twice", OK_HEAD.replace("p1", "p1, p1") + "-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 3, "listed twice"),
				arguments("missing Revises", "-- m\n-- Revision ID: abc\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 1, "missing 'Revises:'"),
				arguments("unknown header key", OK_HEAD + "-- Revison Date: 2020\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 4, "unknown header 'Revison Date:'"),
				arguments("duplicate header key", OK_HEAD + "-- Revision ID: abd\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 4, "duplicate header 'Revision ID:' (first at line 2)"),
				arguments("Transactional not boolean", OK_HEAD + "-- Transactional: yes\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 4, "true or false"),
				arguments("no upgrade section", OK_HEAD + "\nCREATE TABLE x (id INT);",
						CoreErrorCode.MALFORMED_REVISION, 5, "text outside a section"),
				arguments("no section marker at all", OK_HEAD + "-- just comments\n",
						CoreErrorCode.MALFORMED_REVISION, 4, "no '-- +upgrade' section"),
				arguments("downgrade before upgrade", OK_HEAD + "\n-- +downgrade\nDROP TABLE x;\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 5, "before any '-- +upgrade'"),
				arguments("text before header", "CREATE TABLE x (id INT);\n" + OK_HEAD + "-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 1, "text outside a section"),
				arguments("block comment in header", "/* header */\n" + OK_HEAD + "-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 1, "text outside a section"),
				arguments("malformed marker", OK_HEAD + "-- +upgrades\nSELECT 1;", CoreErrorCode.MALFORMED_REVISION, 4,
						"malformed section marker"),
				arguments("unknown section option", OK_HEAD + "-- +upgrade db=postgresql\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 4, "unknown section option"),
				arguments("unknown dialect", OK_HEAD + "-- +upgrade dialect=oracle\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 4, "unknown dialect 'oracle'"),
				arguments("illegal branch label", OK_HEAD + "-- Branch Labels: a@b\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 4, "'@'"),
				arguments("empty branch label entry", OK_HEAD + "-- Branch Labels: , x\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 4, "empty entry"),
				arguments("depends on with whitespace", OK_HEAD + "-- Depends On: a b\n-- +upgrade\nSELECT 1;",
						CoreErrorCode.MALFORMED_REVISION, 4, "whitespace"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("headerProblems")
	void headerProblemsFailAtLoad(String name, String text, ErrorCode code, int line, String detail) {
		assertThatThrownBy(() -> RevisionScript.ofSql(SOURCE, text))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> assertNames(ex, code, line, detail));
	}

	static Stream<Arguments> bodyProblems() {
		return Stream.of(
				arguments("empty upgrade section", OK_HEAD + "-- +upgrade\n-- TODO\n\n-- +downgrade\nSELECT 1;", 4,
						"empty upgrade section"),
				arguments("empty dialect upgrade section",
						OK_HEAD + "-- +upgrade\nSELECT 1;\n-- +upgrade dialect=h2\n\n-- +downgrade\n", 6,
						"empty upgrade section"),
				arguments("duplicate section marker", OK_HEAD + "-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n"
						+ "-- +downgrade\nSELECT 3;", 8, "duplicate section marker '-- +downgrade' (first at line 6)"),
				arguments("duplicate dialect section", OK_HEAD + "-- +upgrade dialect=h2,postgresql\nSELECT 1;\n"
						+ "-- +upgrade dialect=postgresql, h2\nSELECT 2;", 6, "duplicate section marker"),
				arguments("upgrade after downgrade", OK_HEAD + "-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n"
						+ "-- +upgrade dialect=h2\nSELECT 3;", 8, "after a '-- +downgrade'"),
				arguments("malformed marker in body", OK_HEAD + "-- +upgrade\nSELECT 1;\n-- +downgrade: now\nSELECT 2;", 6,
						"malformed section marker"),
				arguments("unterminated dollar quote", OK_HEAD + "-- +upgrade\nSELECT 1;\n\nDO $$ BEGIN\nEND;", 7,
						"unterminated dollar quote $$"),
				arguments("unterminated string", OK_HEAD + "-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 'x;\n", 7,
						"unterminated string literal"),
				arguments("unterminated block comment", OK_HEAD + "-- +upgrade\n/* SELECT 1;\n", 5,
						"unterminated block comment"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodyProblems")
	void bodyProblemsFailWhenTheBodyIsRead(String name, String text, int line, String detail) {
		RevisionScript script = RevisionScript.ofSql(SOURCE, text);
		assertThat(script.id()).isEqualTo("abc");
		assertThatThrownBy(script::body).isInstanceOfSatisfying(RetortException.class,
				(ex) -> assertNames(ex, CoreErrorCode.MALFORMED_REVISION, line, detail));
		assertThatThrownBy(script::checksum).isInstanceOf(RetortException.class);
	}

	private static void assertNames(RetortException ex, ErrorCode code, int line, String detail) {
		assertThat(ex.code()).isEqualTo(code);
		assertThat(ex.source()).isEqualTo(SOURCE);
		assertThat(ex.line()).isEqualTo(line);
		assertThat(ex.getMessage()).startsWith(SOURCE + ", line " + line + ": ").contains(detail);
	}
}
