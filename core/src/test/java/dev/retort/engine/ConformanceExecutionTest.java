package dev.retort.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.retort.CoreErrorCode;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.conformance.ConformanceCase;
import dev.retort.conformance.ConformanceCases;
import dev.retort.internal.graph.RevisionNode;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static dev.retort.conformance.ConformanceCase.category;
import static dev.retort.conformance.ConformanceCase.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conformance case's operation sequence run for real through the façade, on H2, PostgreSQL,
 * MariaDB and SQLite. Each case's graph becomes SQL revision files whose upgrade logs {@code up <id>} and
 * whose downgrade logs {@code down <id>} into a table; after each operation the logged order, the
 * version rows and {@code current} are compared with what Alembic recorded, under the corpus
 * README's rules: unstable fields accept the canonical value or any alternative; where Retort
 * deliberately differs (Alembic's INTERNAL_ERROR, an ambiguous {@code downgrade -N}) Retort must
 * refuse before running anything, and the recorded rows are then written back before the next
 * operation.
 */
class ConformanceExecutionTest {


	@TestFactory
	Stream<DynamicTest> h2() {
		return cases(DatabaseKind.H2);
	}

	@TestFactory
	Stream<DynamicTest> postgres() {
		return cases(DatabaseKind.POSTGRES);
	}

	@TestFactory
	Stream<DynamicTest> mariadb() {
		return cases(DatabaseKind.MARIADB);
	}

	@TestFactory
	Stream<DynamicTest> sqlite() {
		return cases(DatabaseKind.SQLITE);
	}

	private static Stream<DynamicTest> cases(DatabaseKind kind) {
		List<ConformanceCase> all = ConformanceCases.all();
		assertThat(all).as("conformance cases").isNotEmpty();
		return all.stream()
			.filter((c) -> !c.invalid())
			.map((c) -> DynamicTest.dynamicTest(c.id() + " on " + kind, () -> run(c, kind)));
	}

	private static void run(ConformanceCase c, DatabaseKind kind) throws Exception {
		RevisionFiles files = RevisionFiles.temporary();
		try (TestDatabase db = TestDatabases.create(kind); HikariDataSource pool = pool(db)) {
			writeRevisions(c, files);
			execute(pool, "CREATE TABLE oracle_log (seq INT NOT NULL, entry VARCHAR(64) NOT NULL)");
			Retort retort = Retort.configure()
				.dataSource(pool)
				.locations(files.location())
				.validateChecksums(false)
				.load();
			List<String> problems = runOperations(c, retort, pool);
			assertThat(problems).as("case %s on %s", c.id(), kind).isEmpty();
		}
		finally {
			files.delete();
		}
	}

	private static HikariDataSource pool(TestDatabase db) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(db.url());
		config.setUsername(db.user());
		config.setPassword(db.password());
		config.setMaximumPoolSize(3);
		config.setMinimumIdle(0);
		config.setPoolName("conformance-" + db.name());
		return new HikariDataSource(config);
	}

	/** Files {@code NNNN_<id>.sql} so that lexicographic order is the case's load order. */
	private static void writeRevisions(ConformanceCase c, RevisionFiles files) {
		int index = 0;
		for (RevisionNode node : c.revisions()) {
			StringBuilder text = new StringBuilder();
			text.append("-- ").append(node.message()).append("\n--\n");
			text.append("-- Revision ID: ").append(node.id()).append('\n');
			text.append("-- Revises: ").append(String.join(", ", node.downRevisions())).append('\n');
			if (!node.branchLabels().isEmpty()) {
				text.append("-- Branch Labels: ").append(String.join(", ", node.branchLabels())).append('\n');
			}
			if (!node.dependsOn().isEmpty()) {
				text.append("-- Depends On: ").append(String.join(", ", node.dependsOn())).append('\n');
			}
			text.append("\n-- +upgrade\n").append(log("up " + node.id()));
			text.append("\n-- +downgrade\n").append(log("down " + node.id()));
			files.writeRaw(String.format("%04d_%s.sql", index++, node.id()), text.toString());
		}
	}

	private static String log(String entry) {
		return "INSERT INTO oracle_log (seq, entry) SELECT COALESCE(MAX(seq), 0) + 1, '" + entry
				+ "' FROM oracle_log;\n";
	}

	@SuppressWarnings("unchecked")
	private static List<String> runOperations(ConformanceCase c, Retort retort, DataSource db) throws SQLException {
		List<String> problems = new ArrayList<>();
		int index = 0;
		int seen = 0;
		for (Map<String, Object> op : c.operations()) {
			String what = "operations[" + index++ + "] " + op.get("cli");
			List<String> before = strings(op.get("version_rows_before"));
			List<String> rowsBefore = rows(db);
			if (!rowsBefore.equals(before)) {
				problems.add(what + ": started from rows " + rowsBefore + ", recorded " + before);
				setRows(db, before);
				rowsBefore = before;
			}
			String expectedCategory = category(op.get("error"));
			boolean ambiguousDowngrade = ConformanceCase.warnsAmbiguousDowngrade(op);
			RetortException caught = null;
			try {
				List<String> args = strings(op.get("args"));
				switch ((String) op.get("command")) {
					case "upgrade" -> retort.upgrade(args.get(0));
					case "downgrade" -> retort.downgrade(args.get(0));
					case "stamp" -> retort.stamp(args, false);
					default -> throw new IllegalArgumentException("unknown command " + op.get("command"));
				}
			}
			catch (RetortException ex) {
				caught = ex;
			}
			RetortException error = caught;
			List<String> log = logSince(db, seen);
			seen += log.size();
			List<String> rowsAfter = rows(db);
			List<String> recordedRows = strings(op.get("version_rows"));
			boolean alembicCrashed = ConformanceCase.alembicCrashed(op);

			if (ambiguousDowngrade || (alembicCrashed && error != null)) {
				// Retort refuses where Alembic guessed or crashed: before any step, nothing changed.
				if (ambiguousDowngrade && (error == null || error.code() != CoreErrorCode.AMBIGUOUS_RELATIVE_DOWNGRADE)) {
					problems.add(what + ": expected AMBIGUOUS_RELATIVE_DOWNGRADE refusal, got " + describe(error));
				}
				expectUntouched(problems, what, log, rowsBefore, rowsAfter);
			}
			else if (alembicCrashed) {
				// Retort completed the operation Alembic crashed on; nothing to compare it with.
			}
			else if (expectedCategory != null) {
				boolean matches = ConformanceCase.errorMatches(op, (error != null) ? error.code().name() : null);
				if (!matches) {
					problems.add(what + ": expected error " + expectedCategory + ", got " + describe(error));
				}
				expectUntouched(problems, what, log, rowsBefore, rowsAfter);
			}
			else if (error != null) {
				problems.add(what + ": expected success, got " + describe(error));
			}
			else {
				ConformanceCase.checkRecorded(problems, what, "log", op, log);
				ConformanceCase.checkRecorded(problems, what, "version_rows", op, rowsAfter);
				ConformanceCase.checkRecorded(problems, what, "current", op, retort.current());
			}
			if (!rowsAfter.equals(recordedRows)) {
				setRows(db, recordedRows);
			}
		}
		return problems;
	}

	private static void expectUntouched(List<String> problems, String what, List<String> log, List<String> before,
			List<String> after) {
		if (!log.isEmpty() || !before.equals(after)) {
			problems.add(what + ": a refused operation must change nothing, but ran " + log + " and left rows "
					+ after);
		}
	}

	private static String describe(RetortException error) {
		return (error == null) ? "success" : error.code() + " (" + error.getMessage() + ")";
	}

	private static List<String> rows(DataSource db) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT version_num FROM retort_version")) {
				while (rs.next()) {
					rows.add(rs.getString(1));
				}
			}
			catch (SQLException ex) {
				return List.of(); // not created yet
			}
		}
		return new ArrayList<>(new TreeSet<>(rows));
	}

	/** Writes the recorded rows back after an operation where Retort deliberately differs. */
	private static void setRows(DataSource db, List<String> rows) throws SQLException {
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM retort_version");
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO retort_version (version_num) VALUES (?)")) {
				for (String row : rows) {
					insert.setString(1, row);
					insert.executeUpdate();
				}
			}
		}
	}

	private static List<String> logSince(DataSource db, int seen) throws SQLException {
		List<String> log = new ArrayList<>();
		try (Connection connection = db.getConnection();
				PreparedStatement select = connection
					.prepareStatement("SELECT entry FROM oracle_log WHERE seq > ? ORDER BY seq")) {
			select.setInt(1, seen);
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					log.add(rs.getString(1));
				}
			}
		}
		return log;
	}

	private static void execute(DataSource db, String sql) throws SQLException {
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
