package dev.retort.internal.schema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.TableSnapshot;
import dev.retort.testing.DatabaseKind;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per kind of change, on each engine: database A holds the base schema, B the base plus a
 * change. The diff A→B must be the expected change list; applied live to A it must give B's
 * snapshot; its reverse applied to A must give A's snapshot again; and it must render offline.
 */
class SchemaRoundTripTest {

	/** Every engine. */
	private static final Set<DatabaseKind> ALL = EnumSet.allOf(DatabaseKind.class);

	/** Sequences and enum types are PostgreSQL's alone; partial expression indexes PostgreSQL's and SQLite's. */
	private static final Set<DatabaseKind> PG = EnumSet.of(DatabaseKind.POSTGRES);

	private static final List<String> USERS = List.of(
			"CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(100), name VARCHAR(50) NOT NULL,"
					+ " price NUMERIC(10, 2))");

	private static final List<String> USERS_ORDERS = List.of(USERS.get(0),
			"CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, user_id INTEGER, total NUMERIC(8, 2))");

	record Case(String name, Set<DatabaseKind> engines, List<String> base, List<String> change,
			List<String> expected) {

		@Override
		public String toString() {
			return this.name;
		}
	}

	static List<Case> cases() {
		return List.of(
				new Case("create table", ALL, List.of(), USERS, List.of("create table users")),
				new Case("drop table", ALL, USERS, List.of("DROP TABLE users"), List.of("drop table users")),
				new Case("add column", ALL, USERS, List.of("ALTER TABLE users ADD COLUMN phone VARCHAR(20) DEFAULT 'none'"),
						List.of("add column users.phone")),
				new Case("drop column", ALL, USERS, List.of("ALTER TABLE users DROP COLUMN price"),
						List.of("drop column users.price")),
				new Case("varchar length", ALL, USERS, List.of(alter("users", "email", "VARCHAR(200)")),
						List.of("alter column users.email")),
				new Case("numeric precision", ALL, USERS, List.of(alter("users", "price", "NUMERIC(12, 3)")),
						List.of("alter column users.price")),
				new Case("not null", ALL, USERS, List.of(notNull("email", "VARCHAR(100)")),
						List.of("alter column users.email")),
				new Case("default", ALL, USERS, List.of("ALTER TABLE users ALTER COLUMN name SET DEFAULT 'anon'"),
						List.of("alter column users.name")),
				new Case("index", ALL, USERS, List.of("CREATE INDEX ix_users_name ON users (name, email)"),
						List.of("add index ix_users_name")),
				new Case("drop index", ALL, concat(USERS, "CREATE INDEX ix_users_name ON users (name)"),
						List.of("DROP INDEX ix_users_name" + "§users"), List.of("drop index ix_users_name")),
				new Case("unique", ALL, USERS, List.of("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email)"),
						List.of("add unique constraint uq_users_email")),
				new Case("unnamed unique", ALL, USERS, List.of("ALTER TABLE users ADD UNIQUE (email)"),
						List.of("add unique constraint")),
				new Case("check", ALL, USERS, List.of("ALTER TABLE users ADD CONSTRAINT ck_price CHECK (price > 0)"),
						List.of("add check constraint ck_price")),
				new Case("drop check", ALL, concat(USERS, "ALTER TABLE users ADD CONSTRAINT ck_price CHECK (price > 0)"),
						List.of("ALTER TABLE users DROP CONSTRAINT ck_price"), List.of("drop check constraint ck_price")),
				new Case("primary key", ALL,
						List.of("CREATE TABLE tags (name VARCHAR(20) NOT NULL, kind VARCHAR(10) NOT NULL)"),
						List.of("ALTER TABLE tags ADD CONSTRAINT pk_tags PRIMARY KEY (name, kind)"),
						List.of("add primary key")),
				new Case("foreign key", ALL, USERS_ORDERS,
						List.of("ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id)"
								+ " REFERENCES users (id) ON DELETE CASCADE"),
						List.of("add foreign key fk_orders_user")),
				new Case("foreign key cycle and self reference", ALL, List.of(),
						List.of("CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY, b_id INTEGER, parent_id INTEGER)",
								"CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, a_id INTEGER)",
								"ALTER TABLE a ADD CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES b (id)",
								"ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id)",
								"ALTER TABLE a ADD CONSTRAINT fk_a_parent FOREIGN KEY (parent_id) REFERENCES a (id)"),
						List.of("create table a", "create table b", "add foreign key fk_a_b",
								"add foreign key fk_a_parent", "add foreign key fk_b_a")),
				new Case("partial index", EnumSet.of(DatabaseKind.POSTGRES, DatabaseKind.SQLITE), USERS,
						List.of("CREATE UNIQUE INDEX ix_live_email ON users (lower(email)) WHERE price IS NOT NULL"),
						List.of("add index ix_live_email")),
				new Case("sequence", PG, USERS, List.of("CREATE SEQUENCE users_seq START WITH 1 INCREMENT BY 50"),
						List.of("create sequence users_seq")),
				new Case("alter sequence", PG, concat(USERS, "CREATE SEQUENCE users_seq INCREMENT BY 1"),
						List.of("ALTER SEQUENCE users_seq INCREMENT BY 50"), List.of("alter sequence users_seq")),
				new Case("enum type", PG, USERS,
						List.of("CREATE TYPE mood AS ENUM ('happy', 'sad')", "ALTER TABLE users ADD COLUMN mood mood"),
						List.of("create enum type mood", "add column users.mood")),
				new Case("enum label", PG,
						List.of("CREATE TYPE mood AS ENUM ('happy', 'sad')", "CREATE TABLE m (id INTEGER, mood mood)"),
						List.of("ALTER TYPE mood ADD VALUE 'ok'"), List.of("alter enum type mood")));
	}

	static Stream<Arguments> runs() {
		List<Arguments> runs = new ArrayList<>();
		for (Case c : cases()) {
			for (DatabaseKind kind : c.engines()) {
				runs.add(Arguments.of(kind, c));
			}
		}
		return runs.stream();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("runs")
	void diffAppliesAndReverses(DatabaseKind kind, Case c) {
		try (SchemaFixture a = new SchemaFixture(kind); SchemaFixture b = new SchemaFixture(kind)) {
			if (kind == DatabaseKind.SQLITE) {
				sqlite(a, c.base());
				sqlite(b, c.base());
				sqlite(b, c.change());
			}
			else {
				a.run(c.base());
				b.run(c.base()).run(c.change().stream().map(sql -> engineSql(kind, sql)).toList());
			}
			SchemaSnapshot before = a.snapshot();
			SchemaSnapshot wanted = b.snapshot();
			List<SchemaChange> upgrade = new SchemaDiffer().diff(before, wanted);

			assertThat(upgrade).extracting(ch -> ch.text().toLowerCase(Locale.ROOT))
				.hasSize(c.expected().size())
				.satisfies(texts -> {
					for (int i = 0; i < texts.size(); i++) {
						assertThat(texts.get(i)).startsWith(c.expected().get(i));
					}
				});
			assertThat(a.render(upgrade)).isNotEmpty();

			a.apply(upgrade);
			assertSameSchema(a.snapshot(), wanted);

			a.apply(SchemaChange.reverseAll(upgrade));
			assertSameSchema(a.snapshot(), before);
		}
	}

	/**
	 * Same schema: no change either way. Objects with generated names may carry another name (H2
	 * numbers them per database), so the text is compared with those names blanked.
	 */
	static void assertSameSchema(SchemaSnapshot actual, SchemaSnapshot expected) {
		assertThat(new SchemaDiffer().diff(actual, expected)).isEmpty();
		assertThat(new SchemaDiffer().diff(expected, actual)).isEmpty();
		assertThat(actual.tables()).extracting(TableSnapshot::name)
			.containsExactlyElementsOf(expected.tables().stream().map(TableSnapshot::name).toList());
		for (TableSnapshot table : expected.tables()) {
			assertThat(actual.table(table.name()).orElseThrow().columns()).isEqualTo(table.columns());
		}
	}

	static String alter(String table, String column, String type) {
		return "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + type + "§" + column;
	}

	static String notNull(String column, String type) {
		return "ALTER TABLE users ALTER COLUMN " + column + " SET NOT NULL" + "§" + type;
	}

	/** The few statements whose syntax differs per engine, written for PostgreSQL with a hint after §. */
	static String engineSql(DatabaseKind kind, String sql) {
		int mark = sql.indexOf('§');
		if (mark < 0) {
			return sql;
		}
		String hint = sql.substring(mark + 1);
		String pg = sql.substring(0, mark);
		if (kind == DatabaseKind.POSTGRES) {
			return pg;
		}
		if (pg.startsWith("DROP INDEX")) {
			return (kind == DatabaseKind.MARIADB) ? pg + " ON " + hint : pg;
		}
		if (pg.contains(" TYPE ")) {
			String type = pg.substring(pg.indexOf(" TYPE ") + 6);
			String head = pg.substring(0, pg.indexOf(" ALTER COLUMN "));
			return (kind == DatabaseKind.MARIADB) ? head + " MODIFY COLUMN " + hint + " " + type
					: head + " ALTER COLUMN " + hint + " SET DATA TYPE " + type;
		}
		if (pg.endsWith("SET NOT NULL") && kind == DatabaseKind.MARIADB) {
			String column = pg.substring(pg.indexOf(" ALTER COLUMN ") + 14, pg.indexOf(" SET NOT NULL"));
			return pg.substring(0, pg.indexOf(" ALTER COLUMN ")) + " MODIFY COLUMN " + column + " " + hint + " NOT NULL";
		}
		return pg;
	}

	private static final Pattern ALTER = Pattern.compile("ALTER TABLE (\\w+) (ADD CONSTRAINT|ADD UNIQUE|DROP CONSTRAINT"
			+ "|ALTER COLUMN) (.*)");

	/**
	 * Builds a case's schema on SQLite, which has no ALTER TABLE for constraints, types, nullability
	 * or defaults: each such statement becomes the table written anew (DROP and CREATE, the tables
	 * being empty) with the change in its CREATE TABLE. What Retort then does with the difference
	 * (batch mode) is what the test checks.
	 */
	static void sqlite(SchemaFixture fixture, List<String> statements) {
		for (String statement : statements) {
			int mark = statement.indexOf('§');
			String sql = (mark < 0) ? statement : statement.substring(0, mark);
			Matcher m = ALTER.matcher(sql);
			if (!m.matches()) {
				fixture.run(List.of(sql));
				continue;
			}
			String table = m.group(1);
			String create;
			try (java.sql.Connection c = fixture.database().connect(); java.sql.Statement s = c.createStatement();
					java.sql.ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = '" + table + "'")) {
				rs.next();
				create = rs.getString(1).strip();
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
			String body = create.substring(0, create.length() - 1);
			String rest = m.group(3);
			create = switch (m.group(2)) {
				case "ADD CONSTRAINT" -> body + ", CONSTRAINT " + rest + ")";
				case "ADD UNIQUE" -> body + ", UNIQUE " + rest + ")";
				case "DROP CONSTRAINT" -> create.replaceAll(",\\s*CONSTRAINT " + rest + " [A-Z ]+\\([^)]*\\)", "");
				default -> alterColumn(create, rest);
			};
			fixture.run(List.of("DROP TABLE " + table, create));
		}
	}

	/** {@code c TYPE t}, {@code c SET NOT NULL} or {@code c SET DEFAULT x} applied to a CREATE TABLE. */
	private static String alterColumn(String create, String change) {
		String column = change.substring(0, change.indexOf(' '));
		Matcher definition = Pattern.compile("\\b" + column + " ([A-Z]+(\\([^)]*\\))?)").matcher(create);
		if (!definition.find()) {
			throw new IllegalArgumentException(column + " in " + create);
		}
		String action = change.substring(column.length() + 1);
		String replacement = action.startsWith("TYPE ") ? column + " " + action.substring(5)
				: action.equals("SET NOT NULL") ? definition.group() + " NOT NULL"
				: definition.group() + " DEFAULT " + action.substring("SET DEFAULT ".length());
		return create.substring(0, definition.start()) + replacement + create.substring(definition.end());
	}

	static List<String> concat(List<String> list, String... more) {
		List<String> all = new ArrayList<>(list);
		all.addAll(List.of(more));
		return all;
	}
}
