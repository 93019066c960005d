package dev.retort.internal.ops;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.retort.AlterColumn;
import dev.retort.Column;
import dev.retort.CoreErrorCode;
import dev.retort.Index;
import dev.retort.RetortException;
import dev.retort.SqlType;
import dev.retort.internal.database.SqlDialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfflineOperationsTest {

	@Test
	void recordsStatementsInOrderWithLiteralsInlined() {
		OfflineOperations op = new OfflineOperations(SqlDialect.byName("postgresql"));
		op.createTable("app.t", Column.of("id", SqlType.integer()).primaryKey(), Column.of("d", SqlType.date()));
		Map<String, Object> first = new LinkedHashMap<>();
		first.put("id", 1);
		first.put("d", LocalDate.of(2026, 3, 1));
		Map<String, Object> second = new LinkedHashMap<>();
		second.put("id", 2);
		second.put("d", null);
		op.bulkInsert("app.t", List.of(first, second, Map.of("id", 3)));
		op.execute("UPDATE app.t SET d = ? WHERE id = ?", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), 2);
		op.execute("SELECT 1 WHERE '?' = '?'");
		op.createIndex(Index.of("ix_t_d", "app.t", "d").concurrently());
		assertThat(op.statements()).containsExactly(
				"CREATE TABLE \"app\".\"t\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"d\" DATE)",
				"INSERT INTO \"app\".\"t\" (\"id\", \"d\") VALUES (1, DATE '2026-03-01')",
				"INSERT INTO \"app\".\"t\" (\"id\", \"d\") VALUES (2, NULL)",
				"INSERT INTO \"app\".\"t\" (\"id\") VALUES (3)",
				"UPDATE app.t SET d = TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05.000000+00:00' WHERE id = 2",
				"SELECT 1 WHERE '?' = '?'",
				"CREATE INDEX CONCURRENTLY \"ix_t_d\" ON \"app\".\"t\" (\"d\")");
		assertThat(op.isOffline()).isTrue();
	}

	@Test
	void mysqlOfflineNeedsWhatItCannotLookUp() {
		OfflineOperations op = new OfflineOperations(SqlDialect.byName("mariadb"));
		assertThatThrownBy(() -> op.dropIndex("ix")).satisfies(
				e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.UNSUPPORTED_BY_DIALECT));
		assertThatThrownBy(() -> op.dropConstraint("fk", "t")).satisfies(
				e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.UNSUPPORTED_BY_DIALECT));
		assertThatThrownBy(() -> op.alterColumn(AlterColumn.of("t", "c").nullable(false)))
			.hasMessageContaining("existingType");
		assertThat(op.statements()).isEmpty();
	}
}
