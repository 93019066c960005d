package dev.retort.autogen;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.retort.AutogenerateOptions;
import dev.retort.DesiredSchema;
import dev.retort.GeneratedRevision;
import dev.retort.Migration;
import dev.retort.ModelCheckResult;
import dev.retort.Retort;
import dev.retort.RevisionFormat;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.database.Databases;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public autogenerate loop per engine: empty → autogenerate (SQL and Java) → apply → check
 * clean → downgrade → the empty start again. The Java revision is compiled and run as written.
 */
class AutogenerateRoundTripTest {

	static final String MODEL = """
			-- the desired schema
			CREATE TABLE customers (
			  id INTEGER NOT NULL PRIMARY KEY,
			  name VARCHAR(40) NOT NULL,
			  email VARCHAR(90),
			  CONSTRAINT uq_customers_email UNIQUE (email)
			);
			CREATE TABLE orders (
			  id INTEGER NOT NULL PRIMARY KEY,
			  customer_id INTEGER NOT NULL,
			  total NUMERIC(10,2),
			  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
			);
			CREATE INDEX ix_orders_total ON orders (total);
			""";

	static final LocalDateTime CREATED = LocalDateTime.of(2026, 1, 2, 3, 4, 5);

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void sqlRevisionRoundTrip(DatabaseKind kind) throws IOException {
		Path revisions = Files.createDirectories(this.dir.resolve("revisions"));
		DesiredSchema model = DesiredSchema.ofScript(write("model.sql", MODEL));
		try (TestDatabase app = TestDatabases.create(kind)) {
			SchemaSnapshot start = snapshot(app);
			GeneratedRevision generated = retort(app, revisions, List.of())
				.autogenerate(model, AutogenerateOptions.message("create customers and orders")
					.withIdentity("a1b2c3d4e5f6", CREATED));

			assertThat(generated.written()).isTrue();
			assertThat(generated.file()).isEqualTo(revisions.resolve("a1b2c3d4e5f6_create_customers_and_orders.sql"));
			assertThat(Files.readString(generated.file())).isEqualTo(generated.text())
				.contains("-- Revises:\n", "-- +upgrade\n", "-- +downgrade\n");
			assertThat(generated.changes()).hasSizeGreaterThanOrEqualTo(4);

			roundTrip(app, retort(app, revisions, List.of()), model, start);
			assertThat(snapshot(app)).isEqualTo(start);
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void javaRevisionRoundTrip(DatabaseKind kind) throws Exception {
		Path sources = Files.createDirectories(this.dir.resolve("src/com/example/db"));
		DesiredSchema model = DesiredSchema.ofScript(write("model.sql", MODEL));
		try (TestDatabase app = TestDatabases.create(kind)) {
			SchemaSnapshot start = snapshot(app);
			Path empty = Files.createDirectories(this.dir.resolve("none"));
			GeneratedRevision generated = retort(app, empty, List.of())
				.autogenerate(model, AutogenerateOptions.message("create customers")
					.withFormat(RevisionFormat.JAVA)
					.withOutputDirectory(sources)
					.withJavaPackage("com.example.db")
					.withIdentity("0123456789ab", CREATED));

			assertThat(generated.file()).isEqualTo(sources.resolve("R0123456789ab_CreateCustomers.java"));
			assertThat(generated.text()).contains("package com.example.db;", "implements Migration",
					"public void downgrade(Operations op)", "op.createTable(\"customers\",",
					"Column.of(\"name\", SqlType.varchar(40)).notNull()", "SqlType.decimal(10, 2)")
				.doesNotContain("op.execute(", "SqlType.raw(", "ENGINE-SPECIFIC");
			Migration migration = compile(generated.file(), "com.example.db.R0123456789ab_CreateCustomers");

			roundTrip(app, retort(app, empty, List.of(migration)), model, start);
		}
	}

	/**
	 * A model with the column kinds and defaults a JPA model has; with the types the DSL's neutral
	 * timestamp and text are on each engine (MariaDB {@code DATETIME(6)} and {@code LONGTEXT}, H2
	 * {@code CLOB}), as Hibernate writes them there.
	 */
	static final String PORTABLE_MODEL = """
			CREATE TABLE customers (
			  id BIGINT NOT NULL PRIMARY KEY,
			  name VARCHAR(40) DEFAULT 'anon' NOT NULL,
			  code CHAR(8),
			  born DATE,
			  seen %TIMESTAMP%,
			  score DOUBLE PRECISION,
			  active BOOLEAN DEFAULT TRUE,
			  note %TEXT%,
			  visits INTEGER DEFAULT 0
			);
			CREATE TABLE orders (
			  id BIGINT NOT NULL PRIMARY KEY,
			  customer_id BIGINT NOT NULL,
			  total NUMERIC(10,2),
			  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
			);
			CREATE UNIQUE INDEX ix_orders_total ON orders (customer_id, total);
			""";

	/**
	 * The Java revision is dialect-neutral: generated on a PostgreSQL scratch server, it compiles and,
	 * run on H2 and on MariaDB, gives there the schema the same model gives there; its downgrade gives
	 * the empty start. Two runs write byte-identical files.
	 */
	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "MARIADB" })
	void javaRevisionFromPostgresRunsOnAnotherEngine(DatabaseKind target) throws Exception {
		DesiredSchema model = DesiredSchema.ofScript(write("portable.sql", portableModel(DatabaseKind.POSTGRES)));
		Path empty = Files.createDirectories(this.dir.resolve("none"));
		String text;
		try (TestDatabase scratch = TestDatabases.create(DatabaseKind.POSTGRES)) {
			Path first = Files.createDirectories(this.dir.resolve("src1/com/example/db"));
			Path second = Files.createDirectories(this.dir.resolve("src2/com/example/db"));
			AutogenerateOptions options = AutogenerateOptions.message("create customers")
				.withFormat(RevisionFormat.JAVA)
				.withJavaPackage("com.example.db")
				.withIdentity("0123456789ab", CREATED);
			text = retort(scratch, empty, List.of()).autogenerate(model, options.withOutputDirectory(first)).text();
			String again = retort(scratch, empty, List.of()).autogenerate(model, options.withOutputDirectory(second))
				.text();
			assertThat(again).isEqualTo(text);
			assertThat(Files.readString(first.resolve("R0123456789ab_CreateCustomers.java"))).isEqualTo(text);
		}
		assertThat(text).contains("Column.of(\"seen\", SqlType.timestamp())", "SqlType.bool()).defaultValue(true)",
				"Column.of(\"name\", SqlType.varchar(40)).notNull().defaultValue(\"anon\")",
				"SqlType.text()", "Index.of(\"ix_orders_total\", \"orders\", \"customer_id\", \"total\").unique()",
				".onDelete(ReferentialAction.CASCADE)")
			.doesNotContain("op.execute(", "SqlType.raw(", "ENGINE-SPECIFIC", "character varying");
		Migration migration = compile(this.dir.resolve("src1/com/example/db/R0123456789ab_CreateCustomers.java"),
				"com.example.db.R0123456789ab_CreateCustomers");
		try (TestDatabase app = TestDatabases.create(target)) {
			SchemaSnapshot start = snapshot(app);
			roundTrip(app, retort(app, empty, List.of(migration)),
					DesiredSchema.ofScript(write("portable-" + target + ".sql", portableModel(target))), start);
		}
	}

	/**
	 * What the DSL cannot say in neutral terms (a PostgreSQL sequence, a check as PostgreSQL stores it,
	 * an engine-only type) is still written, marked ENGINE-SPECIFIC; the revision runs on PostgreSQL.
	 */
	@org.junit.jupiter.api.Test
	void javaRevisionMarksWhatOnlyTheScratchEngineUnderstands() throws Exception {
		DesiredSchema model = DesiredSchema.ofScript(write("pg.sql", """
				CREATE SEQUENCE items_seq START WITH 1 INCREMENT BY 50;
				CREATE TABLE items (id BIGINT NOT NULL PRIMARY KEY, price NUMERIC(8,2) CHECK (price > 0), addr INET);
				"""));
		Path sources = Files.createDirectories(this.dir.resolve("src/com/example/db"));
		Path empty = Files.createDirectories(this.dir.resolve("none"));
		try (TestDatabase app = TestDatabases.create(DatabaseKind.POSTGRES)) {
			SchemaSnapshot start = snapshot(app);
			String text = retort(app, empty, List.of()).autogenerate(model, AutogenerateOptions.message("items")
				.withFormat(RevisionFormat.JAVA)
				.withOutputDirectory(sources)
				.withJavaPackage("com.example.db")
				.withIdentity("0123456789ac", CREATED)).text();
			assertThat(text).contains("// ENGINE-SPECIFIC: postgresql only: SQL statement (the DSL has no call for it)\n"
					+ "\t\top.execute(\"CREATE SEQUENCE \\\"items_seq\\\"",
					"// ENGINE-SPECIFIC: postgresql only: type inet; check condition as the engine stores it\n",
					"Column.of(\"addr\", SqlType.raw(\"inet\"))", "Column.of(\"price\", SqlType.decimal(8, 2))");
			Migration migration = compile(sources.resolve("R0123456789ac_Items.java"), "com.example.db.R0123456789ac_Items");
			roundTrip(app, retort(app, empty, List.of(migration)), model, start);
		}
	}

	private static String portableModel(DatabaseKind kind) {
		boolean mariadb = kind == DatabaseKind.MARIADB;
		return PORTABLE_MODEL.replace("%TIMESTAMP%", mariadb ? "DATETIME(6)" : "TIMESTAMP(6)")
			.replace("%TEXT%", mariadb ? "LONGTEXT" : (kind == DatabaseKind.H2) ? "CLOB" : "TEXT");
	}

	/** Apply, check clean, downgrade, the start again; then the model still differs (not applied). */
	private void roundTrip(TestDatabase app, Retort retort, DesiredSchema model, SchemaSnapshot start) {
		assertThat(retort.heads()).hasSize(1);
		retort.upgrade("heads");
		assertThat(snapshot(app)).isNotEqualTo(start);
		ModelCheckResult check = retort.checkModel(model);
		assertThat(check.differences()).isEmpty();
		assertThat(check.clean()).isTrue();
		retort.downgrade("base");
		assertThat(snapshot(app)).isEqualTo(start);
	}

	static Retort retort(TestDatabase app, Path revisions, List<Migration> migrations) {
		return Retort.configure()
			.dataSource(app.url(), app.user(), app.password())
			.locations("filesystem:" + revisions)
			.javaMigrations(migrations)
			.load();
	}

	static SchemaSnapshot snapshot(TestDatabase database) {
		try (Connection c = database.connect()) {
			return Databases.detect(c).catalogReader().read(c,
					SnapshotOptions.excluding("retort_version", "retort_history", "retort_version_lock"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.dir.resolve(name), text);
	}

	private Migration compile(Path source, String className) throws Exception {
		Path classes = Files.createDirectories(this.dir.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), source.toString());
		assertThat(status).as("javac of the generated revision").isZero();
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader());
		return (Migration) loader.loadClass(className).getDeclaredConstructor().newInstance();
	}

	static List<Path> files(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(folder)) {
			return list.sorted().toList();
		}
	}
}
