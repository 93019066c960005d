package dev.retort.internal.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.AlterColumn;
import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ConstraintType;
import dev.retort.CoreErrorCode;
import dev.retort.DefaultValue;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.Operations;
import dev.retort.PrimaryKey;
import dev.retort.QualifiedName;
import dev.retort.ReferentialAction;
import dev.retort.RetortException;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.UniqueConstraint;
import dev.retort.internal.database.SqlDialect;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every operation on real PostgreSQL, MariaDB and H2 and checks the resulting schema through
 * DatabaseMetaData; checks offline SQL gives the same schema as online.
 */
class OperationsDatabaseTest {

	private static boolean isMySql(SqlDialect dialect) {
		return dialect.name().equals("mysql") || dialect.name().equals("mariadb");
	}

	/** Creates a second schema (a database on MariaDB) for the test, dropped afterwards. */
	private static String createSchema(Connection c, TestDatabase db) throws SQLException {
		String schema = db.name() + "_app";
		try (Statement s = c.createStatement()) {
			if (db.kind() == DatabaseKind.SQLITE) {
				// A schema is an attached database file (beside the test's, deleted with it), for this connection.
				s.execute("ATTACH DATABASE '" + db.url().substring("jdbc:sqlite:".length()) + "_app' AS " + schema);
				return schema;
			}
			s.execute((db.kind() == DatabaseKind.MARIADB ? "CREATE DATABASE " : "CREATE SCHEMA ") + schema);
		}
		return schema;
	}

	private static void dropSchema(TestDatabase db, String schema) throws SQLException {
		if (db.kind() != DatabaseKind.MARIADB) {
			return; // dropped with the database
		}
		try (Connection c = db.connect(); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + schema);
		}
	}

	private static String q(@Nullable String schema, String table) {
		return (schema != null) ? schema + "." + table : table;
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void everyOperationChangesTheSchema(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind); Connection c = db.connect()) {
			runEveryOperation(c, null);
		}
	}

	// SQLite's JDBC metadata does not see attached databases: SqliteBatchTest covers an attached schema.
	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = "SQLITE", mode = EnumSource.Mode.EXCLUDE)
	void everyOperationWorksInAnExplicitSchema(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind); Connection c = db.connect()) {
			String schema = createSchema(c, db);
			try {
				runEveryOperation(c, schema);
				// Nothing leaked into the default schema.
				assertThat(new SchemaInspector(c, SqlDialect.detect(c), null).tableExists("users")).isFalse();
			}
			finally {
				dropSchema(db, schema);
			}
		}
	}

	private void runEveryOperation(Connection c, @Nullable String schema) throws Exception {
		LiveOperations op = new LiveOperations(c);
		SqlDialect d = op.dialect();
		SchemaInspector db = new SchemaInspector(c, d, schema);
		String users = q(schema, "users");
		String orders = q(schema, "orders");

		// createTable with identity, defaults, unique, check
		op.createTable(Table.of(users, Column.of("id", SqlType.bigint()).primaryKey().autoincrement(),
				Column.of("email", SqlType.varchar(255)).notNull(),
				Column.of("status", SqlType.varchar(16)).notNull().defaultValue("active"),
				Column.of("nick", SqlType.varchar(40)).unique(), Column.of("deleted_at", SqlType.timestamp()),
				CheckConstraint.of("status <> ''").named("ck_users_status")));
		assertThat(db.tableExists("users")).isTrue();
		assertThat(d.tableExists(c, QualifiedName.of(schema, "users"))).isTrue();
		assertThat(d.tableExists(c, QualifiedName.of(schema, "nope"))).isFalse();
		SchemaInspector.ColumnFacts id = db.column("users", "id");
		boolean sqlite = d.name().equals("sqlite");
		// SQLite generates values only for an INTEGER PRIMARY KEY (a 64-bit integer, like BIGINT).
		assertThat(id.jdbcType()).isEqualTo(sqlite ? Types.INTEGER : Types.BIGINT);
		assertThat(id.nullable()).isFalse();
		assertThat(id.autoincrement()).isTrue();
		SchemaInspector.ColumnFacts email = db.column("users", "email");
		assertThat(email.jdbcType()).isEqualTo(Types.VARCHAR);
		assertThat(email.size()).isEqualTo(255);
		assertThat(email.nullable()).isFalse();
		assertThat(db.column("users", "status").defaultValue()).contains("active");
		if (sqlite) {
			// SQLite's driver reports a TIMESTAMP column (text or a number inside) as VARCHAR.
			assertThat(db.column("users", "deleted_at").typeName()).isEqualToIgnoringCase("TIMESTAMP");
		}
		else {
			assertThat(db.column("users", "deleted_at").jdbcType()).isEqualTo(Types.TIMESTAMP);
		}
		assertThat(db.column("users", "deleted_at").nullable()).isTrue();
		assertThat(db.primaryKey("users")).containsExactly("id");
		assertThat(db.indexes("users")).containsValue("unique: nick");
		op.execute("INSERT INTO " + d.quote(QualifiedName.parse(users), "t") + " (" + d.quote("email", "c")
				+ ") VALUES (?)", "a@example.com");
		assertThat(op.jdbc().queryForObject("SELECT " + d.quote("status", "c") + " FROM "
				+ d.quote(QualifiedName.parse(users), "t"), String.class)).isEqualTo("active");
		// The check is enforced.
		assertThatThrownBy(() -> op.execute("INSERT INTO " + d.quote(QualifiedName.parse(users), "t") + " ("
				+ d.quote("email", "c") + ", " + d.quote("status", "c") + ") VALUES (?, ?)", "b@example.com", ""))
			.isInstanceOf(RetortException.class)
			.satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.STATEMENT_FAILED));

		// createTable with composite primary key and a foreign key, referenced in the same schema
		op.createTable(Table.of(orders, Column.of("id", SqlType.bigint()), Column.of("line", SqlType.integer()),
				Column.of("user_id", SqlType.bigint()).notNull(), Column.of("amount", SqlType.decimal(10, 2)),
				PrimaryKey.of("id", "line").named("pk_orders"),
				ForeignKey.of("user_id", "users", "id").named("fk_orders_user").onDelete(ReferentialAction.CASCADE)));
		assertThat(db.primaryKey("orders")).containsExactly("id", "line");
		assertThat(db.foreignKeys("orders")).singleElement().asString().startsWith("fk_orders_user: user_id -> users.id")
			.endsWith("delete=0"); // DatabaseMetaData.importedKeyCascade
		if (sqlite) {
			assertThat(db.column("orders", "amount").typeName()).startsWith("NUMERIC"); // the declared type; the driver reports it as FLOAT
		}
		else {
			assertThat(db.column("orders", "amount").jdbcType()).isIn(Types.DECIMAL, Types.NUMERIC);
		}

		// addColumn / dropColumn
		op.addColumn(users, Column.of("age", SqlType.smallint()).notNull().defaultValue(0));
		if (sqlite) {
			assertThat(db.column("users", "age").typeName()).isEqualTo("SMALLINT"); // reported as INTEGER
		}
		else {
			assertThat(db.column("users", "age").jdbcType()).isEqualTo(Types.SMALLINT);
		}
		assertThat(db.column("users", "age").nullable()).isFalse();
		assertThat(db.column("users", "age").defaultValue()).contains("0");
		op.dropColumn(users, "age");
		assertThat(db.column("users", "age")).isNull();

		// alterColumn: type, nullable, default, rename (MySQL reads the current definition itself)
		op.alterColumn(AlterColumn.of(users, "email").type(SqlType.varchar(320)));
		assertThat(db.column("users", "email").size()).isEqualTo(320);
		assertThat(db.column("users", "email").nullable()).as("type change keeps NOT NULL").isFalse();
		op.alterColumn(AlterColumn.of(users, "status").nullable(true));
		assertThat(db.column("users", "status").nullable()).isTrue();
		assertThat(db.column("users", "status").defaultValue()).as("nullability change keeps the default")
			.contains("active");
		op.alterColumn(AlterColumn.of(users, "status").defaultValue("new"));
		assertThat(db.column("users", "status").defaultValue()).contains("new");
		op.alterColumn(AlterColumn.of(users, "status").dropServerDefault());
		assertThat(db.column("users", "status").defaultValue()).satisfiesAnyOf(v -> assertThat(v).isNull(),
				v -> assertThat(v).isEqualToIgnoringCase("NULL"));
		op.alterColumn(AlterColumn.of(users, "email").renameTo("mail"));
		assertThat(db.column("users", "email")).isNull();
		assertThat(db.column("users", "mail").size()).isEqualTo(320);
		op.alterColumn(AlterColumn.of(users, "mail").nullable(true).type(SqlType.varchar(400)).renameTo("email"));
		assertThat(db.column("users", "email").size()).isEqualTo(400);
		assertThat(db.column("users", "email").nullable()).isTrue();
		op.alterColumn(AlterColumn.of(users, "id").type(SqlType.bigint()));
		assertThat(db.column("users", "id").autoincrement()).as("redefinition keeps the identity").isTrue();

		// indexes: plain, unique, partial (PostgreSQL), concurrently (PostgreSQL; ignored elsewhere)
		op.createIndex("ix_users_status", users, "status", "deleted_at");
		assertThat(db.indexes("users")).containsEntry("ix_users_status", "non-unique: status,deleted_at");
		op.createIndex(Index.of("uq_users_email", users, "email").unique().concurrently());
		assertThat(db.indexes("users")).containsEntry("uq_users_email", "unique: email");
		if (d.name().equals("postgresql")) {
			op.createIndex(Index.of("uq_users_live_nick", users, "nick").unique().where("deleted_at IS NULL"));
			String def = op.jdbc().queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = ?", String.class,
					"uq_users_live_nick");
			assertThat(def).contains("UNIQUE").contains("WHERE (deleted_at IS NULL)");
			c.setAutoCommit(false);
			assertThatThrownBy(() -> op.createIndex(Index.of("ix_c", users, "nick").concurrently()))
				.hasMessageContaining("transactional = false");
			c.rollback();
			c.setAutoCommit(true);
		}
		else if (sqlite) {
			op.createIndex(Index.of("uq_users_live_nick", users, "nick").unique().where("deleted_at IS NULL"));
			assertThat(op.jdbc().queryForObject("SELECT sql FROM sqlite_master WHERE name = ?", String.class,
					"uq_users_live_nick")).contains("UNIQUE").contains("WHERE deleted_at IS NULL");
		}
		else {
			assertThatThrownBy(() -> op.createIndex(Index.of("ix_p", users, "nick").where("deleted_at IS NULL")))
				.satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.UNSUPPORTED_BY_DIALECT));
		}
		op.dropIndex("ix_users_status", users);
		assertThat(db.indexes("users")).doesNotContainKey("ix_users_status");
		op.dropIndex(q(schema, "uq_users_email")); // MySQL: table looked up online
		assertThat(db.indexes("users")).doesNotContainKey("uq_users_email");

		// constraints on an existing table
		String tags = q(schema, "tags");
		op.createTable(tags, Column.of("id", SqlType.integer()).notNull(), Column.of("user_id", SqlType.bigint()),
				Column.of("label", SqlType.varchar(20)).notNull(), Column.of("weight", SqlType.integer()));
		op.createPrimaryKey("pk_tags", tags, "id");
		assertThat(db.primaryKey("tags")).containsExactly("id");
		op.createUniqueConstraint("uq_tags_label", tags, "user_id", "label");
		// H2 names the index behind the constraint itself; the constraint's columns are what counts.
		assertThat(db.indexes("tags")).containsValue("unique: user_id,label");
		op.createCheckConstraint("ck_tags_weight", tags, "weight >= 0");
		op.createForeignKey("fk_tags_user", tags, "user_id", "users", "id");
		assertThat(db.foreignKeys("tags")).singleElement().asString().startsWith("fk_tags_user: user_id -> users.id");
		String insertTag = "INSERT INTO " + d.quote(QualifiedName.parse(tags), "t") + " (" + d.quote("id", "c") + ", "
				+ d.quote("label", "c") + ", " + d.quote("weight", "c") + ") VALUES (?, ?, ?)";
		assertThatThrownBy(() -> op.execute(insertTag, 1, "x", -1)).isInstanceOf(RetortException.class);
		op.dropConstraint("ck_tags_weight", tags);
		op.execute(insertTag, 1, "x", -1);
		op.dropConstraint("fk_tags_user", tags);
		assertThat(db.foreignKeys("tags")).isEmpty();
		op.dropConstraint("uq_tags_label", tags, ConstraintType.UNIQUE);
		assertThat(db.indexes("tags")).doesNotContainValue("unique: user_id,label");
		op.dropConstraint("pk_tags", tags, ConstraintType.PRIMARY_KEY);
		assertThat(db.primaryKey("tags")).isEmpty();

		// data: bulkInsert (missing keys take the default), execute with parameters, jdbc helper
		List<Map<String, Object>> rows = List.of(row("id", 2, "label", "it's", "weight", 5), row("id", 3, "label", "b"),
				row("id", 4, "label", "c\\d"));
		op.bulkInsert(tags, rows);
		assertThat(op.jdbc().queryForList("SELECT " + d.quote("label", "c") + " FROM "
				+ d.quote(QualifiedName.parse(tags), "t") + " WHERE " + d.quote("id", "c") + " > ? ORDER BY "
				+ d.quote("id", "c"), String.class, 1)).containsExactly("it's", "b", "c\\d");
		assertThat(op.jdbc().update("UPDATE " + d.quote(QualifiedName.parse(tags), "t") + " SET "
				+ d.quote("weight", "c") + " = ?", 7)).isEqualTo(4);
		assertThat(op.jdbc().query("SELECT " + d.quote("weight", "c") + " FROM " + d.quote(QualifiedName.parse(tags), "t"),
				(rs, n) -> rs.getInt(1))).containsOnly(7);

		// renameTable / dropTable
		op.renameTable(tags, "labels");
		assertThat(db.tableExists("tags")).isFalse();
		assertThat(db.tableExists("labels")).isTrue();
		op.dropTable(q(schema, "labels"));
		assertThat(db.tableExists("labels")).isFalse();

		// the executor owns the transaction
		assertThatThrownBy(() -> op.connection().commit())
			.satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.INVALID_OPERATION));
		assertThatThrownBy(() -> op.connection().close()).isInstanceOf(RetortException.class);
		assertThat(op.connection().getMetaData().getDatabaseProductName()).isNotBlank();
	}

	private static Map<String, Object> row(Object... keyValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			row.put((String) keyValues[i], keyValues[i + 1]);
		}
		return row;
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void injectionAttemptsAreRejectedBeforeReachingTheDatabase(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind); Connection c = db.connect()) {
			LiveOperations op = new LiveOperations(c);
			op.createTable("x", Column.of("id", SqlType.integer()));
			List<Consumer<Operations>> attempts = List.of(
					o -> o.createTable("users; DROP TABLE x", Column.of("id", SqlType.integer())),
					o -> o.dropTable("x\"; DROP TABLE x; --"), o -> o.dropTable("x`; DROP TABLE x; --"),
					o -> o.addColumn("x", Column.of("a' OR '1'='1", SqlType.integer())), o -> o.dropColumn("x", ""),
					o -> o.renameTable("x", "y".repeat(op.dialect().validator().maxLength() + 1)), o -> o.createIndex("ix", "x", "id) ; DROP TABLE x; --"),
					o -> o.bulkInsert("x", List.of(Map.of("id) VALUES (1); DROP TABLE x; --", 1))),
					o -> o.createTable(Table.of("t", Column.of("id", SqlType.integer())).schema("s; DROP TABLE x")));
			for (Consumer<Operations> attempt : attempts) {
				assertThatThrownBy(() -> attempt.accept(op)).isInstanceOf(RetortException.class)
					.satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.INVALID_IDENTIFIER));
			}
			assertThat(op.dialect().tableExists(c, QualifiedName.of("x"))).isTrue();
			assertThat(op.executedStatements()).hasSize(1);
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void versionAndHistoryTablesWork(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind); Connection c = db.connect(); Statement s = c.createStatement()) {
			SqlDialect d = SqlDialect.detect(c);
			assertThat(d.name()).isEqualTo(switch (kind) {
				case POSTGRES -> "postgresql";
				case MARIADB -> "mariadb";
				case H2 -> "h2";
				case SQLITE -> "sqlite";
			});
			assertThat(SqlDialect.fromUrl(db.url()).name()).isEqualTo(d.name());
			String schema = createSchema(c, db);
			try {
				for (QualifiedName prefix : List.of(QualifiedName.of("retort_version"), QualifiedName.of(schema, "rv"))) {
					QualifiedName version = prefix;
					QualifiedName history = prefix.sibling(prefix.name() + "_history");
					assertThat(d.tableExists(c, version)).isFalse();
					s.execute(d.createVersionTableSql(version));
					s.execute(d.createHistoryTableSql(history));
					assertThat(d.tableExists(c, version)).isTrue();
					assertThat(d.tableExists(c, history)).isTrue();
					try (var ps = c.prepareStatement(d.insertVersionSql(version))) {
						ps.setString(1, "abc");
						ps.executeUpdate();
					}
					try (var ps = c.prepareStatement(d.updateVersionSql(version))) {
						ps.setString(1, "def");
						ps.setString(2, "abc");
						assertThat(ps.executeUpdate()).isEqualTo(1);
					}
					try (var ps = c.prepareStatement(d.insertHistorySql(history))) {
						Object[] values = { "def", "upgrade", null, java.sql.Timestamp.valueOf("2026-01-01 10:00:00"), 12L,
								"success", "tester", "abc", "def", null };
						for (int i = 0; i < values.length; i++) {
							ps.setObject(i + 1, values[i]);
						}
						ps.executeUpdate();
						ps.executeUpdate();
					}
					try (var rs = s.executeQuery(d.selectVersionsSql(version))) {
						assertThat(rs.next()).isTrue();
						assertThat(rs.getString(1)).isEqualTo("def");
						assertThat(rs.next()).isFalse();
					}
					try (var rs = s.executeQuery(d.selectHistorySql(history))) {
						assertThat(rs.next()).isTrue();
						assertThat(rs.getLong(1)).isEqualTo(2);
						assertThat(rs.getString("revision")).isEqualTo("def");
					}
					try (var ps = c.prepareStatement(d.deleteVersionSql(version))) {
						ps.setString(1, "def");
						assertThat(ps.executeUpdate()).isEqualTo(1);
					}
					// a duplicate version row is refused by the primary key
					s.execute("INSERT INTO " + d.quote(version, "t") + " VALUES ('x')");
					assertThatThrownBy(() -> s.execute("INSERT INTO " + d.quote(version, "t") + " VALUES ('x')"))
						.isInstanceOf(SQLException.class);
				}
				if (kind == DatabaseKind.H2) {
					// lower-case names mean what unquoted SQL means
					try (var rs = s.executeQuery("SELECT version_num FROM retort_version")) {
						assertThat(rs.next()).isTrue();
					}
				}
			}
			finally {
				dropSchema(db, schema);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void transactionalDdlTellsWhetherDdlRollsBack(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabases.create(kind); Connection c = db.connect()) {
			SqlDialect d = SqlDialect.detect(c);
			LiveOperations op = new LiveOperations(c);
			c.setAutoCommit(false);
			op.createTable("t", Column.of("id", SqlType.integer()));
			c.rollback();
			c.setAutoCommit(true);
			assertThat(d.tableExists(c, QualifiedName.of("t"))).isEqualTo(!d.transactionalDdl());
		}
	}

	/** A migration written the portable way: it states existing definitions for offline MySQL. */
	private static void sampleMigration(Operations op) {
		op.createTable("users", Column.of("id", SqlType.bigint()).primaryKey().autoincrement(),
				Column.of("email", SqlType.varchar(255)).notNull(),
				Column.of("status", SqlType.varchar(16)).notNull().defaultValue("active"),
				Column.of("born", SqlType.date()), UniqueConstraint.of("email").named("uq_users_email"));
		op.createTable("orders", Column.of("id", SqlType.bigint()).primaryKey(),
				Column.of("user_id", SqlType.bigint()).notNull(), Column.of("note", SqlType.text()),
				ForeignKey.of("user_id", "users", "id").named("fk_orders_user").onDelete(ReferentialAction.CASCADE));
		op.addColumn("users", Column.of("flag", SqlType.bool()).notNull().defaultValue(false));
		// SQLite's batch mode reads the table from the database, which offline SQL cannot.
		boolean batchMode = op.dialect().name().equals("sqlite");
		if (!batchMode) {
			op.alterColumn(AlterColumn.of("users", "email").type(SqlType.varchar(320)).existingNullable(false));
			op.alterColumn(AlterColumn.of("users", "status").nullable(true).existingType(SqlType.varchar(16))
				.existingServerDefault(DefaultValue.literal("active")));
		}
		op.alterColumn(AlterColumn.of("users", "born").renameTo("birthday"));
		op.createIndex("ix_orders_user", "orders", "user_id");
		if (!batchMode) {
			op.createCheckConstraint("ck_users_status", "users", "status <> ''");
		}
		op.bulkInsert("users", List.of(Map.of("id", 1, "email", "o'brien@example.com", "birthday", LocalDate.of(2000, 2, 29)),
				Map.of("id", 2, "email", "x\\y@example.com", "flag", true)));
		op.execute("INSERT INTO " + op.dialect().quote("orders", "t") + " VALUES (?, ?, ?)", 10, 1, "note ? 'q'");
		op.renameTable("orders", "purchases");
		if (!batchMode) {
			op.dropConstraint("uq_users_email", "users", ConstraintType.UNIQUE);
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void offlineSqlGivesTheSameSchemaAsOnline(DatabaseKind kind) throws Exception {
		try (TestDatabase online = TestDatabases.create(kind); TestDatabase offline = TestDatabases.create(kind);
				Connection on = online.connect(); Connection off = offline.connect()) {
			SqlDialect dialect = SqlDialect.detect(on);
			sampleMigration(new LiveOperations(on));

			OfflineOperations recorder = new OfflineOperations(SqlDialect.fromUrl(offline.url()));
			sampleMigration(recorder);
			assertThat(recorder.statements()).isNotEmpty();
			try (Statement s = off.createStatement()) {
				// as an offline script runs it: framed by the dialect's BEGIN/COMMIT
				s.execute(dialect.beginTransactionSql());
				for (String sql : recorder.statements()) {
					s.execute(sql);
				}
				s.execute(dialect.commitSql());
			}
			Map<String, String> expected = new SchemaInspector(on, dialect, null).snapshot();
			assertThat(expected).hasSize(2);
			assertThat(new SchemaInspector(off, dialect, null).snapshot()).isEqualTo(expected);
			String select = "SELECT * FROM " + dialect.quote("users", "t") + " ORDER BY 1";
			assertThat(new LiveOperations(off).jdbc().queryForList(select))
				.isEqualTo(new LiveOperations(on).jdbc().queryForList(select));
			assertThat(new LiveOperations(off).jdbc().queryForObject("SELECT " + dialect.quote("note", "c") + " FROM "
					+ dialect.quote("purchases", "t"), String.class)).isEqualTo("note ? 'q'");
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void offlineRefusesConnectionAccess(DatabaseKind kind) {
		OfflineOperations op = new OfflineOperations(SqlDialect.byName(switch (kind) {
			case POSTGRES -> "postgresql";
			case MARIADB -> "mariadb";
			case H2 -> "h2";
			case SQLITE -> "sqlite";
		}));
		assertThatThrownBy(op::connection).hasMessageContaining("live")
			.satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.OFFLINE_NOT_SUPPORTED));
		assertThatThrownBy(op::jdbc)
			.satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.OFFLINE_NOT_SUPPORTED));
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = "SQLITE")
	void offlineSqlRefusesSqliteBatchMode(DatabaseKind kind) {
		OfflineOperations op = new OfflineOperations(SqlDialect.byName("sqlite"));
		List<Consumer<Operations>> batch = List.of(
				(o) -> o.alterColumn(AlterColumn.of("users", "email").type(SqlType.varchar(320))),
				(o) -> o.alterColumn(AlterColumn.of("users", "email").nullable(true)),
				(o) -> o.createCheckConstraint("ck", "users", "id > 0"), (o) -> o.dropConstraint("ck", "users"));
		for (Consumer<Operations> operation : batch) {
			assertThatThrownBy(() -> operation.accept(op)).hasMessageContaining("batch mode")
				.satisfies(e -> assertThat(((RetortException) e).code()).isEqualTo(CoreErrorCode.OFFLINE_NOT_SUPPORTED));
		}
		// What ALTER TABLE can do in place renders offline.
		op.alterColumn(AlterColumn.of("users", "email").renameTo("mail"));
		op.dropColumn("users", "nick");
		assertThat(op.statements()).containsExactly("ALTER TABLE \"users\" RENAME COLUMN \"email\" TO \"mail\"",
				"ALTER TABLE \"users\" DROP COLUMN \"nick\"");
	}
}
