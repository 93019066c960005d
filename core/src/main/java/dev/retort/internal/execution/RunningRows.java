package dev.retort.internal.execution;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.retort.Direction;
import dev.retort.Outcome;
import dev.retort.internal.database.Database;

/**
 * The {@code running} rows of the history table: written (and committed) before the first statement
 * of a revision that cannot roll back, kept up to date with the statement under way, and turned into
 * {@code success}/{@code failed} at the end. A row still {@code running} when the next migrator holds
 * the lock is an interrupted revision. The columns {@code host}, {@code process_id} and
 * {@code statement_index} were added after the history table's first release: they are added to an
 * existing table on the first write of a running row. Not thread-safe (one run, one thread).
 */
public final class RunningRows implements AutoCloseable {

	private static final List<String> RUN_COLUMNS = List.of("host", "process_id", "statement_index");

	private final Database database;

	private final TableNames tables;

	private final PreparedStatements statements = new PreparedStatements();

	private boolean columnsChecked;

	private @Nullable String host;

	public RunningRows(Database database, TableNames tables) {
		this.database = database;
		this.tables = tables;
	}

	/** A running row as read back. */
	public record Row(long id, String revision, Direction direction, @Nullable String checksum,
			java.time.Instant startedAt, String actor, List<String> headsBefore, List<String> headsAfter,
			@Nullable String host, @Nullable Long processId, int statementIndex) {
	}

	private String table() {
		return this.database.quote(this.tables.history(), "history table");
	}

	private String col(String name) {
		return this.database.dialect().quote(name, "column");
	}

	/**
	 * Adds the run columns to a history table created before they existed (in autocommit, under the
	 * lock). The probe selects no row and cannot fail on an existing table.
	 */
	void ensureColumns(Connection connection) throws SQLException {
		if (this.columnsChecked) {
			return;
		}
		Set<String> present = new HashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + table() + " WHERE 1 = 0")) {
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				present.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
			}
		}
		for (String column : RUN_COLUMNS) {
			if (!present.contains(column)) {
				String type = column.equals("host") ? "VARCHAR(255)" : column.equals("process_id") ? "BIGINT" : "INT";
				try (Statement statement = connection.createStatement()) {
					statement.execute("ALTER TABLE " + table() + " ADD " + col(column) + " " + type + " NULL");
				}
			}
		}
		this.columnsChecked = true;
	}

	/** Inserts the running row in the connection's current transaction; returns its id. */
	long start(Connection connection, HistoryTable.Entry entry, int statementUnderWay) throws SQLException {
		String sql = this.database.dialect().insertHistorySql(this.tables.history());
		int open = sql.indexOf(") VALUES (");
		sql = sql.substring(0, open) + ", " + col("host") + ", " + col("process_id") + ", " + col("statement_index")
				+ sql.substring(open, sql.length() - 1) + ", ?, ?, ?)";
		try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
			HistoryTable.bind(statement, 1, entry);
			statement.setString(HistoryTable.COLUMNS + 1, host());
			statement.setLong(HistoryTable.COLUMNS + 2, ProcessHandle.current().pid());
			statement.setInt(HistoryTable.COLUMNS + 3, statementUnderWay);
			statement.executeUpdate();
			try (ResultSet keys = statement.getGeneratedKeys()) {
				if (!keys.next()) {
					throw new SQLException("The insert of the running history row returned no id");
				}
				return keys.getLong(1);
			}
		}
	}

	/** Records that statement {@code index} (1-based) is about to run. */
	void underWay(Connection connection, long id, int index) throws SQLException {
		PreparedStatement statement = this.statements.get(connection, "UPDATE " + table() + " SET "
				+ col("statement_index") + " = ? WHERE " + col("id") + " = ?");
		statement.setInt(1, index);
		statement.setLong(2, id);
		statement.executeUpdate();
	}

	/** Turns the running row into its outcome, in the connection's current transaction. */
	void finish(Connection connection, long id, Outcome outcome, Duration duration, List<String> headsAfter,
			@Nullable String error) throws SQLException {
		PreparedStatement statement = this.statements.get(connection, "UPDATE " + table() + " SET " + col("outcome")
				+ " = ?, " + col("duration_ms") + " = ?, " + col("heads_after") + " = ?, " + col("error") + " = ? WHERE "
				+ col("id") + " = ?");
		statement.setString(1, outcome.value());
		statement.setLong(2, duration.toMillis());
		statement.setString(3, String.join(",", headsAfter));
		if (error != null) {
			statement.setString(4, (error.length() <= 8000) ? error : error.substring(0, 7997) + "...");
		}
		else {
			statement.setNull(4, Types.VARCHAR);
		}
		statement.setLong(5, id);
		statement.executeUpdate();
	}

	/** The rows still {@code running}, oldest first (call only when the table has the run columns). */
	public List<Row> running(Connection connection) throws SQLException {
		String sql = "SELECT " + String.join(", ", List.of(col("id"), col("revision"), col("direction"), col("checksum"),
				col("started_at"), col("actor"), col("heads_before"), col("heads_after"), col("host"), col("process_id"),
				col("statement_index"))) + " FROM " + table() + " WHERE " + col("outcome") + " = '"
				+ Outcome.RUNNING.value() + "' ORDER BY " + col("id");
		List<Row> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				long pid = rs.getLong(10);
				Long processId = rs.wasNull() ? null : pid;
				rows.add(new Row(rs.getLong(1), rs.getString(2), Direction.fromValue(rs.getString(3)), rs.getString(4),
						rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), String.valueOf(rs.getString(6)),
						split(rs.getString(7)), split(rs.getString(8)), rs.getString(9), processId, rs.getInt(11)));
			}
		}
		return rows;
	}

	/** Marks a resolved running row {@code interrupted}, with a note saying who resolved it and how. */
	public void markInterrupted(Connection connection, long id, String note) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table() + " SET " + col("outcome")
				+ " = ?, " + col("error") + " = ? WHERE " + col("id") + " = ? AND " + col("outcome") + " = ?")) {
			statement.setString(1, Outcome.INTERRUPTED.value());
			statement.setString(2, note);
			statement.setLong(3, id);
			statement.setString(4, Outcome.RUNNING.value());
			statement.executeUpdate();
		}
	}

	private static List<String> split(@Nullable String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split(","));
	}

	private String host() {
		if (this.host == null) {
			String name;
			try {
				name = InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				name = "unknown-host";
			}
			this.host = (name.length() <= 255) ? name : name.substring(0, 255);
		}
		return this.host;
	}

	@Override
	public void close() {
		this.statements.close();
	}
}
