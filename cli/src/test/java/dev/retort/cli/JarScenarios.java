package dev.retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end scenarios run against the built jar, as separate processes, for one database kind:
 * the full cycle and the branch/merge scenario, outputs compared with Alembic's forms.
 */
abstract class JarScenarios {

	private static final Pattern GENERATING = Pattern.compile("^Generating (.+\\.sql) \\.\\.\\.  done$");

	@TempDir
	Path project;

	/** A process whose settings point at this test's database (how depends on the subclass). */
	abstract CliProcess retort();

	/** A JDBC connection to this test's database, to check what the CLI did. */
	abstract Connection connect() throws SQLException;

	/** Text that identifies the database in {@code current -v}, and the password that must not appear. */
	abstract String urlFragment();

	abstract String password();

	/** A start time as a SQL literal of this database (SQLite has no {@code TIMESTAMP '...'} literal). */
	String startedAtLiteral() {
		return "TIMESTAMP '2026-12-06 03:00:00'";
	}

	private Path generated(List<String> output) {
		assertThat(output).hasSize(1);
		Matcher matcher = GENERATING.matcher(output.get(0));
		assertThat(matcher.matches()).as(output.get(0)).isTrue();
		Path path = Path.of(matcher.group(1));
		assertThat(path).isRegularFile();
		return path;
	}

	private static String idOf(Path revisionFile) {
		return revisionFile.getFileName().toString().substring(0, 12);
	}

	@Test
	void fullCycle() throws Exception {
		retort().run("init").ok();
		assertThat(this.project.resolve("revisions")).isDirectory();

		Path first = generated(retort().run("revision", "-m", "create users").ok());
		assertThat(first.getParent()).isEqualTo(this.project.resolve("revisions").toRealPath());
		String a = idOf(first);
		assertThat(a).matches("[0-9a-f]{12}");
		assertThat(Files.readString(first)).contains("-- Revision ID: " + a + "\n", "-- Revises:\n");
		CliProcess.fill(first, "CREATE TABLE cli_users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL);",
				"DROP TABLE cli_users;");
		Path second = generated(retort().run("revision", "-m", "create orders").ok());
		String b = idOf(second);
		assertThat(Files.readString(second)).contains("-- Revises: " + a + "\n");
		CliProcess.fill(second, "CREATE TABLE cli_orders (id BIGINT PRIMARY KEY, user_id BIGINT);",
				"DROP TABLE cli_orders;");
		Path third = generated(retort().run("revision", "-m", "add user name").ok());
		String c = idOf(third);
		Path java = this.project.resolve("src/main/java/com/acme/db");
		Path javaFile = Path.of(retort().run("revision", "-m", "java one", "--java", "--version-path",
				"src/main/java/com/acme/db", "--rev-id", "0123456789ab").ok().get(0).replaceAll("^Generating (.+) \\.\\.\\.  done$", "$1"));
		assertThat(javaFile.getParent()).isEqualTo(java.toRealPath());
		assertThat(Files.readString(javaFile)).startsWith("package com.acme.db;")
			.contains("@Revision(id = \"0123456789ab\"", c, "implements Migration");
		CliProcess.fill(third, "ALTER TABLE cli_users ADD COLUMN name VARCHAR(100);",
				"ALTER TABLE cli_users DROP COLUMN name;");

		assertThat(retort().run("heads").ok()).containsExactly(c + " (head)");
		assertThat(retort().run("current").ok()).isEmpty();

		assertThat(retort().run("upgrade", "heads").ok()).containsExactly("Running upgrade  -> " + a + ", create users",
				"Running upgrade " + a + " -> " + b + ", create orders",
				"Running upgrade " + b + " -> " + c + ", add user name");
		assertThat(tables()).contains("cli_users", "cli_orders");
		assertThat(columns("cli_users")).contains("name");

		assertThat(retort().run("current").ok()).containsExactly(c + " (head)");
		assertThat(retort().run("history").ok()).containsExactly(b + " -> " + c + " (head), add user name",
				a + " -> " + b + ", create orders", "<base> -> " + a + ", create users");
		assertThat(retort().run("history", "-i").ok()).first().isEqualTo(b + " -> " + c + " (head) (current), add user name");
		assertThat(retort().run("history", "-r", a + ":" + b).ok()).containsExactly(a + " -> " + b + ", create orders",
				"<base> -> " + a + ", create users");

		CliProcess.Result verbose = retort().run("current", "-v");
		List<String> verboseLines = verbose.ok();
		assertThat(verboseLines.get(0)).startsWith("Current revision(s) for ").contains(urlFragment()).endsWith(":");
		assertThat(verboseLines).contains("Rev: " + c + " (head)", "Parent: " + b, "Path: " + third.toRealPath(),
				"    add user name", "    Revision ID: " + c, "    Revises: " + b);
		assertNoPassword(verbose);
		CliProcess.Result logged = retort().global("--verbose").run("current");
		assertThat(logged.ok()).containsExactly(c + " (head)");
		assertThat(logged.err()).contains("Connecting to ").contains(urlFragment());
		assertNoPassword(logged);
		assertThat(retort().run("history", "-v").ok()).contains("Rev: " + c + " (head)", "Rev: " + a,
				"Parent: <base>", "    create users");

		assertThat(retort().run("downgrade", "-1").ok()).containsExactly("Running downgrade " + c + " -> " + b
				+ ", add user name");
		assertThat(columns("cli_users")).doesNotContain("name");
		assertThat(retort().run("current").ok()).containsExactly(b);

		assertThat(retort().run("stamp", c).ok()).containsExactly("Running stamp_revision " + b + " -> " + c);
		assertThat(retort().run("current").ok()).containsExactly(c + " (head)");
		assertThat(versionRows()).containsExactly(c);

		List<String> sql = retort().run("upgrade", "--sql", a + ":" + c).ok();
		String script = String.join("\n", sql);
		assertThat(script).contains("CREATE TABLE cli_orders", "ALTER TABLE cli_users ADD COLUMN name")
			.doesNotContain("CREATE TABLE cli_users");
		assertThat(versionRows()).as("offline SQL leaves the database alone").containsExactly(c);

		List<String> show = retort().run("show", b).ok();
		assertThat(show).contains("Rev: " + b, "Parent: " + a, "Path: " + second.toRealPath(), "    create orders");

		retort().run("validate").ok();
		Files.writeString(first, Files.readString(first).replace("NOT NULL", "NULL"));
		assertThat(retort().run("validate").fails("CHECKSUM_MISMATCH")).contains(a);
		assertThat(retort().run("repair").ok()).containsExactly("Repaired checksum of " + a);
		retort().run("validate").ok();

		String dot = retort().run("graph", "--format", "dot").out();
		assertThat(dot).contains("\"" + a + "\" -> \"" + b + "\";", "\"" + b + "\" -> \"" + c + "\";");
		assertThat(dot.lines().filter((line) -> line.contains("fillcolor")).toList()).singleElement()
			.asString()
			.startsWith("    \"" + c + "\"");

		// the column of c was removed by 'downgrade -1' and c only stamped since: stamp back to b first
		assertThat(retort().run("stamp", b).ok()).containsExactly("Running stamp_revision " + c + " -> " + b);
		assertThat(retort().run("downgrade", "base").ok()).containsExactly("Running downgrade " + b + " -> " + a
				+ ", create orders", "Running downgrade " + a + " -> , create users");
		assertThat(tables()).doesNotContain("cli_users", "cli_orders");
		assertThat(versionRows()).isEmpty();
	}

	@Test
	void branchAndMerge() throws Exception {
		retort().run("init").ok();
		String a = "aaaaaaaaaaaa";
		String b = "bbbbbbbbbbbb";
		String c = "cccccccccccc";
		String m = "dddddddddddd";
		CliProcess.fill(generated(retort().run("revision", "-m", "root", "--rev-id", a).ok()),
				"CREATE TABLE cli_root (id INT);", "DROP TABLE cli_root;");
		CliProcess.fill(generated(retort().run("revision", "-m", "left", "--rev-id", b).ok()),
				"CREATE TABLE cli_left (id INT);", "DROP TABLE cli_left;");

		String notHead = retort().run("revision", "-m", "right", "--head", a, "--rev-id", c).fails("INVALID_ARGUMENT");
		assertThat(notHead).isEqualTo("ERROR [INVALID_ARGUMENT] Revision " + a + " is not a head revision; please "
				+ "specify --splice to create a new branch from this revision");
		Path right = generated(retort().run("revision", "-m", "right", "--head", a, "--splice", "--branch-label",
				"accounts", "--rev-id", c).ok());
		assertThat(Files.readString(right)).contains("-- Revises: " + a + "\n", "-- Branch Labels: accounts\n");
		CliProcess.fill(right, "CREATE TABLE cli_right (id INT);", "DROP TABLE cli_right;");

		assertThat(retort().run("heads").ok()).containsExactly(b + " (head)", c + " (accounts) (head)");
		List<String> branches = retort().run("branches").ok();
		assertThat(branches).hasSize(4).startsWith(a + " (branchpoint)").endsWith("");
		// Alembic lists a branch point's children from a set: their order is not part of the format
		assertThat(branches.subList(1, 3)).containsExactlyInAnyOrder("             -> " + b + " (head)",
				"             -> " + c + " (accounts) (head)");
		assertThat(retort().run("revision", "-m", "ambiguous").fails("MULTIPLE_HEADS")).isEqualTo(
				"ERROR [MULTIPLE_HEADS] Multiple heads are present; please specify the head revision on which the new "
						+ "revision should be based, or perform a merge.");
		retort().run("upgrade", "head").fails("MULTIPLE_HEADS");

		List<String> upgraded = retort().run("upgrade", "heads").ok();
		assertThat(upgraded).hasSize(3).contains("Running upgrade  -> " + a + ", root",
				"Running upgrade " + a + " -> " + b + ", left", "Running upgrade " + a + " -> " + c + ", right");
		assertThat(retort().run("current").ok()).containsExactlyInAnyOrder(b + " (head)", c + " (head)");

		Path merge = generated(retort().run("merge", "-m", "merge heads", "heads", "--rev-id", m).ok());
		assertThat(Files.readString(merge)).contains("-- Revises: " + b + ", " + c + "\n");
		assertThat(retort().run("heads").ok()).containsExactly(m + " (accounts) (head)");
		assertThat(retort().run("history").ok()).first()
			.isEqualTo(b + ", " + c + " -> " + m + " (accounts) (head) (mergepoint), merge heads");
		assertThat(retort().run("upgrade", "heads").ok())
			.containsExactly("Running upgrade " + b + ", " + c + " -> " + m + ", merge heads");
		assertThat(retort().run("current").ok()).containsExactly(m + " (head) (mergepoint)");
		assertThat(versionRows()).containsExactly(m);
		assertThat(retort().run("heads", "-v").ok()).contains("Rev: " + m + " (head) (mergepoint)",
				"Merges: " + b + ", " + c, "Branch names: accounts");

		String mermaid = retort().run("graph").out();
		assertThat(mermaid).contains("r_" + b + " --> r_" + m, "r_" + c + " --> r_" + m, "class r_" + m + " current");
	}

	/** Every error path: non-zero exit and exactly one stderr line {@code ERROR [CODE] message}. */
	/** Issue 17: what a run killed mid-revision leaves, reported by the CLI, and the way out. */
	@Test
	void interruptedRevisionIsReportedAndResolved() throws Exception {
		retort().run("init").ok();
		Path first = generated(retort().run("revision", "-m", "create users").ok());
		String a = idOf(first);
		CliProcess.fill(first, "CREATE TABLE cli_users (id BIGINT PRIMARY KEY);", "DROP TABLE cli_users;");
		Path second = generated(retort().run("revision", "-m", "create orders").ok());
		String b = idOf(second);
		CliProcess.fill(second, "CREATE TABLE cli_orders (id BIGINT PRIMARY KEY);\nINSERT INTO cli_orders VALUES (1);",
				"DROP TABLE cli_orders;");
		retort().run("upgrade", a).ok();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO retort_history (revision, direction, started_at, duration_ms, outcome, actor,"
					+ " heads_before, heads_after, host, process_id, statement_index) VALUES ('" + b + "', 'upgrade',"
					+ " " + startedAtLiteral() + ", 0, 'running', 'killed-cli', '" + a + "', '" + b + "',"
					+ " 'build-host', 999999, 1)");
			statement.execute("CREATE TABLE cli_orders (id BIGINT PRIMARY KEY)");
		}
		String error = retort().run("upgrade", "heads").fails("INTERRUPTED_REVISION");
		assertThat(error).contains(b, "killed-cli", "CREATE TABLE cli_orders", "resolve " + b);
		assertThat(versionRows()).containsExactly(a);
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO cli_orders VALUES (1)");
		}
		assertThat(retort().run("resolve", b, "--applied").ok()).singleElement().asString()
			.contains("Resolved interrupted upgrade of " + b, "marked applied");
		assertThat(versionRows()).containsExactly(b);
		retort().run("upgrade", "heads").ok();
		retort().run("resolve", b, "--rolled-back").fails("NOT_INTERRUPTED");
	}

	@Test
	void errorsAreOneLine() throws Exception {
		retort().run("init").ok();
		CliProcess.fill(generated(retort().run("revision", "-m", "one", "--rev-id", "abcdef000001").ok()),
				"CREATE TABLE cli_one (id INT);", "DROP TABLE cli_one;");
		retort().run("upgrade", "nosuchrevision").fails("UNKNOWN_REVISION");
		retort().run("history", "-r", "nosuch:heads").fails("UNKNOWN_REVISION");
		retort().run("show", "zzzz").fails("UNKNOWN_REVISION");
		retort().run("revision", "-m", "bad id", "--rev-id", "bad-id").fails("ILLEGAL_REVISION_ID");
		retort().run("revision", "-m", "again", "--rev-id", "abcdef000001").fails("DUPLICATE_REVISION");
		retort().run("revision", "-m", "x", "--version-path", "elsewhere").fails("INVALID_ARGUMENT");
		retort().run("heads", "--bogus").fails("INVALID_ARGUMENT");
		retort().run("bogus-verb").fails("INVALID_ARGUMENT");
		retort().run("upgrade").fails("INVALID_ARGUMENT");
		new CliProcess(this.project).run("-c", "missing.properties", "heads").fails("INVALID_CONFIGURATION");
		retort().run("init").fails("INVALID_ARGUMENT");
		retort().run("downgrade", "-1").fails("[A-Z_]+");
		retort().run("upgrade", "+2").fails("[A-Z_]+");
		CliProcess.Result unreachable = new CliProcess(this.project)
			.run("--url", "jdbc:postgresql://127.0.0.1:9/nowhere?password=" + password() + "x", "current");
		assertThat(unreachable.fails("[A-Z_]+")).doesNotContain(password() + "x");
		// a statement failing in the database: the engine's log of it is held back, one line remains
		Path failing = generated(retort().run("revision", "-m", "fails", "--rev-id", "abcdef000002").ok());
		CliProcess.fill(failing, "CREATE TABLE cli_one (id INT);", "SELECT 1;");
		assertThat(retort().run("upgrade", "heads").fails("STATEMENT_FAILED")).contains("abcdef000002");
		Files.delete(failing);
		Files.writeString(this.project.resolve("revisions").resolve("broken.sql"), "-- broken\nSELECT 1;\n");
		retort().run("heads").fails("MALFORMED_REVISION");
		retort().run("upgrade", "heads").fails("MALFORMED_REVISION");
	}

	private void assertNoPassword(CliProcess.Result result) {
		if (!password().isEmpty()) {
			assertThat(result.out()).doesNotContain(password());
			assertThat(result.err()).doesNotContain(password());
		}
	}

	private List<String> tables() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = connect();
				ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	private List<String> columns(String table) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = connect()) {
			for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
				try (ResultSet columns = connection.getMetaData().getColumns(null, null, candidate, "%")) {
					while (columns.next()) {
						names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return names;
	}

	private List<String> versionRows() throws SQLException {
		try {
			return versionRows("SELECT \"version_num\" FROM \"retort_version\"");
		}
		catch (SQLException quotedLowerCaseMissing) {
			// a database that folds unquoted names to upper case (H2) may hold RETORT_VERSION
			return versionRows("SELECT version_num FROM retort_version");
		}
	}

	private List<String> versionRows(String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = connect(); ResultSet result = connection.createStatement().executeQuery(query)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

	static void writeProperties(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
