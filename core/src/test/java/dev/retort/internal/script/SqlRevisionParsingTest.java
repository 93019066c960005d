package dev.retort.internal.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.CoreErrorCode;
import dev.retort.NewRevision;
import dev.retort.RetortException;
import dev.retort.RevisionFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlRevisionParsingTest {

	private static final String FULL = """
			-- add users table
			--
			-- Revision ID: 3f9a1c2b7d4e
			-- Revises: 1a2b3c4d5e6f, 9f8e7d6c5b4a
			-- Create Date: 2026-11-22 10:00:00
			-- Branch Labels: accounts, billing
			-- Depends On: 9c8b7a6d5e4f, other_label
			-- Transactional: false

			-- +upgrade
			CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL);
			INSERT INTO users VALUES (1, 'a;b');

			-- +upgrade dialect=postgresql
			CREATE INDEX CONCURRENTLY users_email ON users (email);

			-- +upgrade dialect=h2, mysql
			CREATE INDEX users_email ON users (email);

			-- +downgrade
			DROP TABLE users;
			""";

	@Test
	void readsEveryHeaderField() {
		RevisionScript script = RevisionScript.ofSql("db/3f9a_add_users.sql", FULL);
		assertThat(script.node().id()).isEqualTo("3f9a1c2b7d4e");
		assertThat(script.node().downRevisions()).containsExactly("1a2b3c4d5e6f", "9f8e7d6c5b4a");
		assertThat(script.node().branchLabels()).containsExactly("accounts", "billing");
		assertThat(script.node().dependsOn()).containsExactly("9c8b7a6d5e4f", "other_label");
		assertThat(script.node().message()).isEqualTo("add users table");
		assertThat(script.node().source()).isEqualTo("db/3f9a_add_users.sql");
		assertThat(script.source()).isEqualTo("db/3f9a_add_users.sql");
		assertThat(script.createDate()).isEqualTo("2026-11-22 10:00:00");
		assertThat(script.transactional()).isFalse();
		assertThat(script.kind()).isEqualTo(RevisionScript.Kind.SQL);
	}

	@Test
	void optionalHeadersDefault() {
		RevisionScript script = RevisionScript.ofSql("b.sql", """
				-- a base
				-- Revision ID: base1
				-- Revises:

				-- +upgrade
				SELECT 1;
				""");
		assertThat(script.node().downRevisions()).isEmpty();
		assertThat(script.node().branchLabels()).isEmpty();
		assertThat(script.node().dependsOn()).isEmpty();
		assertThat(script.transactional()).isTrue();
		assertThat(script.createDate()).isNull();
		assertThat(script.reversible()).isFalse();
	}

	@Test
	void messageIsFirstCommentLineAndMayBeAbsentOrLookLikeAKey() {
		assertThat(RevisionScript.ofSql("a.sql", "-- Revision ID: a\n-- Revises:\n-- +upgrade\nSELECT 1;")
			.node()
			.message()).isEmpty();
		assertThat(RevisionScript.ofSql("a.sql", "\n--\n-- WIP: fix users\n-- more words: here\n-- Revision ID: a\n"
				+ "-- Revises:\n-- +upgrade\nSELECT 1;").node().message()).isEqualTo("WIP: fix users");
		assertThat(RevisionScript.ofSql("a.sql", "\uFEFF-- with BOM\n-- Revision ID: a\n-- Revises:\n-- +upgrade\nSELECT 1;")
			.node()
			.message()).isEqualTo("with BOM");
	}

	@Test
	void headerKeysAreCaseInsensitiveAndSpacingIsFree() {
		RevisionScript script = RevisionScript.ofSql("a.sql",
				"--msg\n--Revision Id:   abc  \n--   REVISES :x,y\n-- Transactional: FALSE\n--+upgrade\nSELECT 1;");
		assertThat(script.id()).isEqualTo("abc");
		assertThat(script.node().downRevisions()).containsExactly("x", "y");
		assertThat(script.transactional()).isFalse();
	}

	@Test
	void bodyHasStatementsWithFileLineNumbersPerDialect() {
		RevisionScript script = RevisionScript.ofSql("db/u.sql", FULL);
		SqlBody body = (SqlBody) script.body();
		assertThat(body.upgradeSections()).hasSize(3);
		assertThat(body.upgradeStatements("postgresql")).extracting(SqlStatement::sql)
			.containsExactly("CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL)",
					"INSERT INTO users VALUES (1, 'a;b')", "CREATE INDEX CONCURRENTLY users_email ON users (email)");
		assertThat(body.upgradeStatements("postgresql")).extracting(SqlStatement::line).containsExactly(11, 12, 15);
		assertThat(body.upgradeStatements("h2")).extracting(SqlStatement::line).containsExactly(11, 12, 18);
		assertThat(body.upgradeStatements("MariaDB")).extracting(SqlStatement::sql)
			.contains("CREATE INDEX users_email ON users (email)");
		assertThat(body.upgradeStatements("oracle")).hasSize(2);
		assertThat(body.downgradeStatements("h2")).extracting(SqlStatement::sql).containsExactly("DROP TABLE users");
		assertThat(body.downgradeStatements("h2")).extracting(SqlStatement::line).containsExactly(21);
		assertThat(script.reversible()).isTrue();
		assertThat(script.reversible("postgresql")).isTrue();
	}

	@Test
	void dialectOnlyDowngradeIsReversibleOnlyThere() {
		RevisionScript script = RevisionScript.ofSql("d.sql", """
				-- Revision ID: d1
				-- Revises:
				-- +upgrade
				SELECT 1;
				-- +downgrade dialect=postgresql
				SELECT 2;
				""");
		assertThat(script.reversible()).isTrue();
		assertThat(script.reversible("postgres")).isTrue();
		assertThat(script.reversible("h2")).isFalse();
		SqlBody body = (SqlBody) script.body();
		assertThatThrownBy(() -> body.downgradeStatements("h2")).isInstanceOfSatisfying(RetortException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.IRREVERSIBLE_REVISION));
	}

	@Test
	void irreversibleWithoutDowngradeSection() {
		RevisionScript script = RevisionScript.ofSql("i.sql", "-- Revision ID: i1\n-- Revises: a\n-- +upgrade\nSELECT 1;");
		SqlBody body = (SqlBody) script.body();
		assertThat(body.downgradeSections()).isNull();
		assertThat(script.reversible()).isFalse();
		assertThatThrownBy(() -> body.downgradeStatements("postgresql"))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.IRREVERSIBLE_REVISION);
				assertThat(ex.getMessage()).contains("i.sql");
			});
	}

	@Test
	void emptyDowngradeIsAReversibleNoOp() {
		RevisionScript script = RevisionScript.ofSql("e.sql",
				"-- Revision ID: e1\n-- Revises: a\n-- +upgrade\nSELECT 1;\n-- +downgrade\n-- nothing to undo\n");
		assertThat(script.reversible("h2")).isTrue();
		assertThat(((SqlBody) script.body()).downgradeStatements("h2")).isEmpty();
	}

	@Test
	void mergeRevisionMayHaveEmptySections() {
		RevisionScript script = RevisionScript.ofSql("m.sql",
				"-- merge\n-- Revision ID: m1\n-- Revises: a, b\n-- +upgrade\n-- +downgrade\n");
		assertThat(((SqlBody) script.body()).upgradeStatements("h2")).isEmpty();
		assertThat(script.reversible()).isTrue();
	}

	@Test
	void mysqlOnlySectionsUseMysqlLexicalRules() {
		RevisionScript script = RevisionScript.ofSql("my.sql", """
				-- Revision ID: my1
				-- Revises:
				-- +upgrade dialect=mariadb
				INSERT INTO t VALUES ('it\\'s; ok'); # comment; here
				INSERT INTO t VALUES ('2');
				""");
		assertThat(((SqlBody) script.body()).upgradeStatements("mariadb")).extracting(SqlStatement::sql)
			.containsExactly("INSERT INTO t VALUES ('it\\'s; ok')", "INSERT INTO t VALUES ('2')");
		assertThat(((SqlBody) script.body()).upgradeStatements("postgresql")).isEmpty();
	}

	@Test
	void writerOutputReadsBackForSqlAndMerge() {
		NewRevision revision = new NewRevision("ab12cd34ef56", List.of("0123456789ab"), "Add users table, café!",
				java.time.LocalDateTime.of(2026, 11, 22, 10, 0), List.of("accounts"), List.of("dep1"), false);
		RevisionFile file = RevisionFileWriter.sql(revision);
		assertThat(file.fileName()).isEqualTo("ab12cd34ef56_add_users_table_cafe.sql");
		assertThat(file.content()).startsWith("""
				-- Add users table, café!
				--
				-- Revision ID: ab12cd34ef56
				-- Revises: 0123456789ab
				-- Create Date: 2026-11-22 10:00:00
				-- Branch Labels: accounts
				-- Depends On: dep1
				-- Transactional: false

				-- +upgrade
				""");
		RevisionScript script = RevisionScript.ofSql(file.fileName(), file.content());
		assertThat(script.node().branchLabels()).containsExactly("accounts");
		assertThat(script.node().dependsOn()).containsExactly("dep1");
		assertThat(script.transactional()).isFalse();
		// a fresh (non-merge) file must be filled in before it can run
		assertThatThrownBy(script::body).isInstanceOfSatisfying(RetortException.class,
				(ex) -> assertThat(ex.getMessage()).contains("empty upgrade section"));

		RevisionFile merge = RevisionFileWriter.sql(new NewRevision("feed", List.of("a1", "b2"), "merge heads",
				java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5), List.of(), List.of(), true));
		assertThat(merge.content()).contains("-- Revises: a1, b2\n").doesNotContain("Transactional");
		assertThat(RevisionScript.ofSql(merge.fileName(), merge.content()).reversible()).isTrue();
	}

	@Test
	void writerRendersJavaTemplateAndSlugs() {
		NewRevision revision = new NewRevision("ab12", List.of(), "add \"users\" table",
				java.time.LocalDateTime.of(2026, 11, 22, 10, 0), List.of(), List.of(), true);
		RevisionFile file = RevisionFileWriter.java(revision, "com.example.db");
		assertThat(file.fileName()).isEqualTo("Rab12_AddUsersTable.java");
		assertThat(file.content()).startsWith("package com.example.db;\n")
			.contains("@Revision(id = \"ab12\", revises = {}, message = \"add \\\"users\\\" table\")")
			.contains("public class Rab12_AddUsersTable implements Migration {");
		assertThat(RevisionFileWriter.slug("  --- ")).isEmpty();
		assertThat(RevisionFileWriter.slug("a very long message that keeps going well past the forty limit"))
			.isEqualTo("a_very_long_message_that_keeps_going");
		assertThat(RevisionFileWriter.newId()).matches("[0-9a-f]{12}");
		assertThatThrownBy(() -> RevisionFileWriter.sql(new NewRevision("bad-id", List.of(), "x",
				java.time.LocalDateTime.now(), List.of(), List.of(), true)))
			.isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.ILLEGAL_REVISION_ID));
	}
}
