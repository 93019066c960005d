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
					"public void downgrade(Operations op)", "op.execute(");
			Migration migration = compile(generated.file(), "com.example.db.R0123456789ab_CreateCustomers");

			roundTrip(app, retort(app, empty, List.of(migration)), model, start);
		}
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
