package dev.retort.internal.database;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.retort.CoreErrorCode;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SqlType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectTest {

	private final SqlDialect postgres = SqlDialect.byName("postgresql");

	private final SqlDialect h2 = SqlDialect.byName("h2");

	private final SqlDialect mysql = SqlDialect.byName("mysql");

	private final SqlDialect mariadb = SqlDialect.byName("mariadb");

	@Test
	void detectsFromUrl() {
		assertThat(SqlDialect.fromUrl("jdbc:postgresql://db:5432/app").name()).isEqualTo("postgresql");
		assertThat(SqlDialect.fromUrl("jdbc:h2:mem:test").name()).isEqualTo("h2");
		assertThat(SqlDialect.fromUrl("jdbc:mariadb://db/app").name()).isEqualTo("mariadb");
		assertThat(SqlDialect.fromUrl("JDBC:MySQL://db/app").name()).isEqualTo("mysql");
		assertThat(SqlDialect.fromUrl("jdbc:h2:mem:t").identifierCase()).isEqualTo(IdentifierCase.UPPER);
		assertThat(SqlDialect.fromUrl("jdbc:h2:mem:t;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE").identifierCase())
			.isEqualTo(IdentifierCase.LOWER);
		assertThat(SqlDialect.fromUrl("jdbc:h2:mem:t;DATABASE_TO_UPPER=false").identifierCase())
			.isEqualTo(IdentifierCase.AS_IS);
	}

	@Test
	void unknownUrlOrNameIsUnsupported() {
		assertThatThrownBy(() -> SqlDialect.fromUrl("jdbc:derby:app")).isInstanceOf(RetortException.class)
			.hasMessageContaining("jdbc:derby:")
			.extracting(e -> ((RetortException) e).code())
			.isEqualTo(CoreErrorCode.UNSUPPORTED_BY_DIALECT);
		assertThatThrownBy(() -> SqlDialect.byName("oracle")).hasMessageContaining("oracle")
			.extracting(e -> ((RetortException) e).code())
			.isEqualTo(CoreErrorCode.UNSUPPORTED_BY_DIALECT);
	}

	@Test
	void byNameKnowsEveryKind() {
		for (String name : Databases.NAMES) {
			assertThat(SqlDialect.byName(name).name()).isEqualTo(name);
		}
		assertThat(Databases.NAMES).containsExactly("postgresql", "h2", "mysql", "mariadb", "sqlite");
		assertThat(SqlDialect.byName("Postgres").name()).isEqualTo("postgresql");
	}

	@Test
	void quotesWithTheDialectsCharacterAndFoldsLowerCaseNamesOnH2() {
		assertThat(this.postgres.quote("users", "t")).isEqualTo("\"users\"");
		assertThat(this.postgres.quote("Users", "t")).isEqualTo("\"Users\"");
		assertThat(this.h2.quote("users", "t")).isEqualTo("\"USERS\"");
		assertThat(this.h2.quote("MixedCase", "t")).isEqualTo("\"MixedCase\"");
		assertThat(SqlDialect.fromUrl("jdbc:h2:mem:x;DATABASE_TO_LOWER=TRUE").quote("users", "t")).isEqualTo("\"users\"");
		assertThat(this.mysql.quote("users", "t")).isEqualTo("`users`");
		assertThat(this.postgres.quote(QualifiedName.parse("app.users"), "t")).isEqualTo("\"app\".\"users\"");
		assertThat(this.mariadb.quote(QualifiedName.of("app", "users"), "t")).isEqualTo("`app`.`users`");
		assertThat(this.postgres.quote("user", "t")).as("reserved words work quoted").isEqualTo("\"user\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "users; DROP TABLE x", "users\"", "a`b", "it's", "a b", "", "a.b", "x--", "a/*b",
			"tab\tname", "users)" })
	void rejectsIdentifiersThatAreNotPlainNames(String name) {
		for (SqlDialect dialect : new SqlDialect[] { this.postgres, this.h2, this.mysql, this.mariadb }) {
			assertThatThrownBy(() -> dialect.quote(name, "retort.version-table")).isInstanceOf(RetortException.class)
				.hasMessageContaining("retort.version-table")
				.satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.INVALID_IDENTIFIER));
		}
	}

	@Test
	void namesTheIdentifierInTheError() {
		assertThatThrownBy(() -> this.postgres.quote("users; DROP TABLE x", "createTable table name"))
			.hasMessageContaining("\"users; DROP TABLE x\"")
			.hasMessageContaining("createTable table name");
		assertThatThrownBy(() -> this.postgres.quote(QualifiedName.parse("bad schema.users"), "schema option"))
			.hasMessageContaining("bad schema");
	}

	@Test
	void enforcesEachDialectsLengthLimit() {
		assertThat(this.postgres.quote("a".repeat(63), "t")).hasSize(65);
		assertThatThrownBy(() -> this.postgres.quote("a".repeat(64), "t")).hasMessageContaining("63");
		// PostgreSQL counts bytes: 32 two-byte letters are 64 bytes.
		assertThatThrownBy(() -> this.postgres.quote("é".repeat(32), "t")).hasMessageContaining("bytes");
		assertThat(this.mysql.quote("é".repeat(64), "t")).isNotEmpty();
		assertThatThrownBy(() -> this.mysql.quote("a".repeat(65), "t")).hasMessageContaining("64");
		assertThat(this.h2.quote("a".repeat(256), "t")).isNotEmpty();
		assertThatThrownBy(() -> this.h2.quote("a".repeat(257), "t")).hasMessageContaining("256");
	}

	@Test
	void acceptsLettersDigitsUnderscoreAndDollar() {
		assertThat(this.postgres.quote("t_1$x", "t")).isEqualTo("\"t_1$x\"");
		assertThat(this.postgres.quote("données", "t")).isEqualTo("\"données\"");
		assertThat(this.postgres.quote("2fa_codes", "t")).isEqualTo("\"2fa_codes\"");
	}

	@Test
	void rendersNeutralTypesPerDialect() {
		assertThat(this.postgres.typeName(SqlType.blob())).isEqualTo("BYTEA");
		assertThat(this.postgres.typeName(SqlType.json())).isEqualTo("JSONB");
		assertThat(this.postgres.typeName(SqlType.decimal(10, 2))).isEqualTo("NUMERIC(10, 2)");
		assertThat(this.h2.typeName(SqlType.text())).isEqualTo("CLOB");
		assertThat(this.h2.typeName(SqlType.uuid())).isEqualTo("UUID");
		assertThat(this.mysql.typeName(SqlType.timestamp())).isEqualTo("DATETIME(6)");
		assertThat(this.mysql.typeName(SqlType.uuid())).isEqualTo("CHAR(36)");
		assertThat(this.mysql.typeName(SqlType.doublePrecision())).isEqualTo("DOUBLE");
		assertThat(this.mariadb.typeName(SqlType.varchar(20))).isEqualTo("VARCHAR(20)");
		assertThat(this.postgres.typeName(SqlType.raw("TEXT[]"))).isEqualTo("TEXT[]");
		assertThatThrownBy(() -> SqlType.raw("INT; DROP TABLE x")).isInstanceOf(RetortException.class);
		assertThatThrownBy(() -> SqlType.raw("INT -- x")).isInstanceOf(RetortException.class);
		assertThatThrownBy(() -> SqlType.varchar(0)).isInstanceOf(RetortException.class);
		assertThatThrownBy(() -> SqlType.decimal(4, 5)).isInstanceOf(RetortException.class);
	}

	@Test
	void writesLiteralsEscaped() {
		assertThat(this.postgres.literal("it's")).isEqualTo("'it''s'");
		assertThat(this.postgres.literal("a\\b")).isEqualTo("'a\\b'");
		assertThat(this.mysql.literal("a\\b'")).isEqualTo("'a\\\\b'''");
		assertThat(this.postgres.literal(null)).isEqualTo("NULL");
		assertThat(this.postgres.literal(42L)).isEqualTo("42");
		assertThat(this.postgres.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(this.postgres.literal(1.5d)).isEqualTo("1.5");
		assertThat(this.h2.literal(true)).isEqualTo("TRUE");
		assertThat(this.postgres.literal(LocalDate.of(2026, 1, 2))).isEqualTo("DATE '2026-01-02'");
		assertThat(this.postgres.literal(LocalDateTime.of(2026, 1, 2, 3, 4, 5)))
			.isEqualTo("TIMESTAMP '2026-01-02 03:04:05.000000'");
		assertThat(this.mysql.literal(OffsetDateTime.of(2026, 1, 2, 3, 0, 0, 0, ZoneOffset.ofHours(2))))
			.isEqualTo("TIMESTAMP '2026-01-02 01:00:00.000000'");
		UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
		assertThat(this.postgres.literal(id)).isEqualTo("'123e4567-e89b-12d3-a456-426614174000'");
		assertThat(this.postgres.literal(new byte[] { 1, (byte) 0xAB })).isEqualTo("decode('01AB', 'hex')");
		assertThat(this.h2.literal(new byte[] { 1, (byte) 0xAB })).isEqualTo("X'01AB'");
		assertThatThrownBy(() -> this.postgres.literal(new Object())).isInstanceOf(RetortException.class);
		assertThatThrownBy(() -> this.postgres.literal(Double.NaN)).isInstanceOf(RetortException.class);
		assertThatThrownBy(() -> this.postgres.literal("nul\0")).isInstanceOf(RetortException.class);
	}

	@Test
	void versionAndHistoryTableSql() {
		QualifiedName table = QualifiedName.of("app", "retort_version");
		assertThat(this.postgres.createVersionTableSql(table))
			.isEqualTo("CREATE TABLE \"app\".\"retort_version\" (\"version_num\" VARCHAR(32) NOT NULL PRIMARY KEY)");
		assertThat(this.h2.insertVersionSql(QualifiedName.of("retort_version")))
			.isEqualTo("INSERT INTO \"RETORT_VERSION\" (\"VERSION_NUM\") VALUES (?)");
		assertThat(this.mysql.createHistoryTableSql(QualifiedName.of("h")))
			.contains("`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY")
			.contains("`started_at` DATETIME(6) NOT NULL")
			.contains("`error` LONGTEXT NULL");
		assertThat(this.postgres.createHistoryTableSql(QualifiedName.of("h")))
			.contains("\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL PRIMARY KEY")
			.contains("\"error\" TEXT NULL");
		assertThat(this.postgres.insertHistorySql(QualifiedName.of("h")))
			.isEqualTo("INSERT INTO \"h\" (\"revision\", \"direction\", \"checksum\", \"started_at\", \"duration_ms\","
					+ " \"outcome\", \"actor\", \"heads_before\", \"heads_after\", \"error\")"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		assertThatThrownBy(() -> this.postgres.createVersionTableSql(QualifiedName.of("v; DROP TABLE x")))
			.hasMessageContaining("version table");
	}

	@Test
	void transactionalDdlAndScriptFraming() {
		assertThat(this.postgres.transactionalDdl()).isTrue();
		assertThat(this.h2.transactionalDdl()).isFalse();
		assertThat(this.mysql.transactionalDdl()).isFalse();
		assertThat(this.mariadb.transactionalDdl()).isFalse();
		assertThat(this.mysql.beginTransactionSql()).isEqualTo("START TRANSACTION");
		assertThat(this.postgres.beginTransactionSql()).isEqualTo("BEGIN");
		assertThat(this.postgres.statementTerminator()).isEqualTo(";");
	}
}
