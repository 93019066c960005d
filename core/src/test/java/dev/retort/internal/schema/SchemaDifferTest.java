package dev.retort.internal.schema;

import java.util.List;
import java.util.Locale;

import dev.retort.CoreErrorCode;
import dev.retort.ReferentialAction;
import dev.retort.RetortException;
import dev.retort.internal.catalog.CheckSnapshot;
import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.catalog.EnumTypeSnapshot;
import dev.retort.internal.catalog.ForeignKeySnapshot;
import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.PrimaryKeySnapshot;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SequenceSnapshot;
import dev.retort.internal.catalog.SnapshotBuilder;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.catalog.TableObject;
import dev.retort.internal.catalog.TableSnapshot;
import dev.retort.internal.catalog.UniqueSnapshot;
import dev.retort.testing.DatabaseKind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The differ: generated names, renames, review markers, reversibility and stable output. */
class SchemaDifferTest {

	private static ColumnSnapshot col(String name, String type, boolean nullable) {
		return new ColumnSnapshot(name, type, null, null, null, nullable, null, false);
	}

	private static TableSnapshot table(String name, List<ColumnSnapshot> columns, List<TableObject> objects) {
		SnapshotBuilder builder = new SnapshotBuilder(SnapshotOptions.excluding());
		builder.table(name);
		columns.forEach(c -> builder.column(name, c));
		objects.forEach(o -> builder.object(name, o));
		return builder.build().tables().get(0);
	}

	private static SchemaSnapshot schema(TableSnapshot... tables) {
		return new SchemaSnapshot(List.of(tables), List.of(), List.of());
	}

	@Test
	void generatedNamesMatchByStructureAndChosenNamesByName() {
		List<ColumnSnapshot> columns = List.of(col("id", "integer", false), col("code", "varchar(10)", true));
		SchemaSnapshot now = schema(table("t", columns,
				List.of(new UniqueSnapshot("CONSTRAINT_4D", true, List.of("code")),
						new ForeignKeySnapshot("FKdwk6cx0afu8bs9o4t536v1j5v", true, List.of("id"), "u", List.of("id"),
								ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, false),
						new CheckSnapshot("ck_a", false, "id > 0"))));
		SchemaSnapshot want = schema(table("t", columns,
				List.of(new UniqueSnapshot("CONSTRAINT_9", true, List.of("code")),
						new ForeignKeySnapshot("FK7zq1x7gw2r7m0mrlqk9o7t3hc", true, List.of("id"), "u", List.of("id"),
								ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, false),
						new CheckSnapshot("ck_b", false, "id > 0"))));

		List<SchemaChange> changes = new SchemaDiffer().diff(now, want);

		assertThat(changes).extracting(SchemaChange::text)
			.containsExactly("drop check constraint ck_a on t CHECK (id > 0)",
					"add check constraint ck_b on t CHECK (id > 0)");
	}

	@Test
	void anObjectWhoseStructureChangesIsDroppedAndAddedUnderAStableName() {
		List<ColumnSnapshot> columns = List.of(col("a", "integer", true), col("b", "integer", true));
		SchemaSnapshot now = schema(table("t", columns, List.of(new UniqueSnapshot("CONSTRAINT_1", true, List.of("a")))));
		SchemaSnapshot want = schema(table("t", columns, List.of(new UniqueSnapshot("CONSTRAINT_1", true, List.of("a", "b")))));

		List<SchemaChange> changes = new SchemaDiffer().diff(now, want);

		assertThat(changes).hasSize(2);
		assertThat(changes.get(0).text()).isEqualTo("drop unique constraint CONSTRAINT_1 on t (a)");
		assertThat(changes.get(1).text()).matches("add unique constraint uq_t_[0-9a-f]{8} on t \\(a, b\\)");
		assertThat(changes.get(1).dataDependent()).isTrue();
	}

	@Test
	void marksDestructiveAndDataDependentChanges() {
		SchemaSnapshot now = schema(table("t", List.of(col("id", "integer", false), col("name", "varchar(40)", true),
				col("old", "text", true)), List.of()));
		SchemaSnapshot want = schema(table("t", List.of(col("id", "integer", false), col("name", "varchar(20)", false),
				col("added", "integer", false)), List.of()),
				table("child", List.of(col("t_id", "integer", true)), List.of(new ForeignKeySnapshot("fk_child", false,
						List.of("t_id"), "t", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION,
						false))));

		List<SchemaChange> changes = new SchemaDiffer().diff(now, want);

		assertThat(changes).extracting(SchemaChange::describe).containsExactly(
				"drop column t.old text  [destructive]",
				"create table child",
				"add column t.added integer NOT NULL  [may fail on existing data]",
				"alter column t.name varchar(40) -> name varchar(20) NOT NULL  [destructive]  [may fail on existing data]",
				"add foreign key fk_child on child (t_id) REFERENCES t (id) ON DELETE CASCADE ON UPDATE NO ACTION");
		assertThat(SchemaChange.reverseAll(changes)).extracting(SchemaChange::describe).containsExactly(
				"drop foreign key fk_child on child (t_id) REFERENCES t (id) ON DELETE CASCADE ON UPDATE NO ACTION",
				"alter column t.name varchar(20) NOT NULL -> name varchar(40)",
				"drop column t.added integer NOT NULL  [destructive]",
				"drop table child  [destructive]",
				"add column t.old text");
	}

	@Test
	void reverseIsAnInvolution() {
		SchemaSnapshot a = schema(table("t", List.of(col("id", "integer", false)),
				List.of(new PrimaryKeySnapshot("t_pkey", true, List.of("id")))));
		SchemaSnapshot b = new SchemaSnapshot(List.of(table("u", List.of(col("id", "bigint", false)),
				List.of(new IndexSnapshot("ix", false, List.of("id"), false, null)))),
				List.of(new SequenceSnapshot("s", "bigint", 1, 50, 1, Long.MAX_VALUE, 1, false)),
				List.of(new EnumTypeSnapshot("mood", List.of("a"))));
		List<SchemaChange> changes = new SchemaDiffer().diff(a, b);
		assertThat(changes).isNotEmpty();
		for (SchemaChange change : changes) {
			assertThat(change.reverse().reverse()).isEqualTo(change);
		}
		assertThat(SchemaChange.reverseAll(SchemaChange.reverseAll(changes))).isEqualTo(changes);
		assertThat(SchemaChange.reverseAll(changes)).containsExactlyInAnyOrderElementsOf(new SchemaDiffer().diff(b, a));
	}

	@Test
	void aDropAndAnAddOfTheSameShapeAreMarkedAsAPossibleRename() {
		SchemaSnapshot now = schema(table("users", List.of(col("id", "integer", false), col("name", "varchar(50)", true)),
				List.of()));
		SchemaSnapshot want = schema(table("users",
				List.of(col("id", "integer", false), col("full_name", "varchar(50)", true)), List.of()));

		assertThat(new SchemaDiffer().diff(now, want)).extracting(SchemaChange::describe).containsExactly(
				"drop column users.name varchar(50)  [destructive]  [possible rename to full_name]",
				"add column users.full_name varchar(50)  [possible rename of name]");
		assertThat(SchemaChange.reverseAll(new SchemaDiffer().diff(now, want))).extracting(SchemaChange::describe)
			.containsExactly("drop column users.full_name varchar(50)  [destructive]  [possible rename to name]",
					"add column users.name varchar(50)  [possible rename of full_name]");
		assertThat(new SchemaDiffer(Renames.parse(List.of("USERS.Name=full_name"))).diff(now, want))
			.extracting(SchemaChange::describe)
			.containsExactly("rename column users.name to full_name");
	}

	@Test
	void renamesOfTheWrongFormAreRefused() {
		assertThatThrownBy(() -> Renames.parse(List.of("users.name"))).isInstanceOfSatisfying(RetortException.class,
				ex -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_ARGUMENT));
	}

	/** A declared rename runs live and reverses, on every engine. */
	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void declaredRenameRoundTrips(DatabaseKind kind) {
		try (SchemaFixture a = new SchemaFixture(kind); SchemaFixture b = new SchemaFixture(kind)) {
			a.run(List.of("CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)"));
			b.run(List.of("CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, full_name VARCHAR(80) NOT NULL)"));
			SchemaSnapshot before = a.snapshot();
			List<SchemaChange> changes = new SchemaDiffer(Renames.parse(List.of("users.name=full_name")))
				.diff(before, b.snapshot());
			assertThat(changes).extracting(c -> c.text().toLowerCase(Locale.ROOT))
				.satisfiesExactly(t -> assertThat(t).isEqualTo("rename column users.name to full_name"),
						t -> assertThat(t).startsWith("alter column users.full_name"));
			a.apply(changes);
			SchemaRoundTripTest.assertSameSchema(a.snapshot(), b.snapshot());
			a.apply(SchemaChange.reverseAll(changes));
			SchemaRoundTripTest.assertSameSchema(a.snapshot(), before);
		}
	}

	/**
	 * H2 numbers unnamed constraints per database: after another table took some numbers, the same
	 * schema carries other names, and still no change is found. PostgreSQL's default names likewise.
	 */
	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRES" })
	void generatedNamesOfAnotherRunMatch(DatabaseKind kind) {
		List<String> ddl = List.of("CREATE TABLE p (id INTEGER NOT NULL PRIMARY KEY)",
				"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(10) UNIQUE, p_id INTEGER REFERENCES p (id),"
						+ " CHECK (id > 0))");
		try (SchemaFixture a = new SchemaFixture(kind); SchemaFixture b = new SchemaFixture(kind)) {
			a.run(ddl);
			// The same table built in another order: H2 numbers its constraints otherwise.
			b.run(List.of(ddl.get(0), "CREATE TABLE t (id INTEGER NOT NULL, CHECK (id > 0), code VARCHAR(10),"
					+ " p_id INTEGER)", "ALTER TABLE t ADD FOREIGN KEY (p_id) REFERENCES p (id)",
					"ALTER TABLE t ADD UNIQUE (code)", "ALTER TABLE t ADD PRIMARY KEY (id)"));
			SchemaSnapshot left = a.snapshot();
			SchemaSnapshot right = b.snapshot();
			if (kind == DatabaseKind.H2) {
				assertThat(left.describe()).isNotEqualTo(right.describe());
			}
			assertThat(new SchemaDiffer().diff(left, right)).isEmpty();
		}
	}

	/** Two runs over equal inputs give byte-identical change text and SQL. */
	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void outputIsStable(DatabaseKind kind) {
		List<String> rendered = new java.util.ArrayList<>();
		for (int run = 0; run < 2; run++) {
			try (SchemaFixture a = new SchemaFixture(kind); SchemaFixture b = new SchemaFixture(kind)) {
				a.run(List.of("CREATE TABLE z (id INTEGER NOT NULL PRIMARY KEY)"));
				if (kind == DatabaseKind.SQLITE) {
					// SQLite has no ALTER TABLE ... ADD CONSTRAINT: the same keys, written in CREATE TABLE.
					b.run(List.of("CREATE TABLE m (id INTEGER NOT NULL PRIMARY KEY, z_id INTEGER, note VARCHAR(10),"
							+ " CONSTRAINT fk_m_z FOREIGN KEY (z_id) REFERENCES z (id))",
							"CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY, m_id INTEGER UNIQUE, CHECK (id > 0),"
									+ " CONSTRAINT fk_a_m FOREIGN KEY (m_id) REFERENCES m (id))",
							"CREATE TABLE z (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) DEFAULT 'x')",
							"CREATE INDEX ix_m_note ON m (note)"));
				}
				else {
					b.run(List.of("CREATE TABLE m (id INTEGER NOT NULL PRIMARY KEY, z_id INTEGER, note VARCHAR(10))",
							"CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY, m_id INTEGER UNIQUE, CHECK (id > 0))",
							"CREATE TABLE z (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) DEFAULT 'x')",
							"CREATE INDEX ix_m_note ON m (note)",
							"ALTER TABLE a ADD CONSTRAINT fk_a_m FOREIGN KEY (m_id) REFERENCES m (id)",
							"ALTER TABLE m ADD CONSTRAINT fk_m_z FOREIGN KEY (z_id) REFERENCES z (id)"));
				}
				List<SchemaChange> changes = new SchemaDiffer().diff(a.snapshot(), b.snapshot());
				// Upgrade then downgrade, as a revision file renders them (SQLite follows the schema).
				List<List<String>> sql = a.renderRevision(changes);
				rendered.add(String.join("\n", changes.stream().map(SchemaChange::describe).toList()) + "\n--\n"
						+ String.join(";\n", sql.get(0)) + "\n--\n" + String.join(";\n", sql.get(1)));
			}
		}
		assertThat(rendered.get(1)).isEqualTo(rendered.get(0));
		assertThat(rendered.get(0).toLowerCase(Locale.ROOT)).contains("create table").contains("fk_a_m");
	}
}
