package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.retort.AppliedStep;
import dev.retort.Direction;
import dev.retort.Outcome;
import dev.retort.internal.database.Database;

/**
 * The history table: one row per step ever run (upgrade, downgrade, stamp, and the {@code repair}
 * rows that re-record checksums), with the checksum the revision had when it ran. Times are stored
 * in UTC. Checksums are read back from here: a revision's recorded checksum is the one of its
 * latest successful {@code upgrade} or {@code repair} row.
 */
public final class HistoryTable implements AutoCloseable {

	private static final String UPGRADE = Direction.UPGRADE.value();

	private static final String REPAIR = Direction.REPAIR.value();

	private static final String SUCCESS = Outcome.SUCCESS.value();

	private static final int MAX_ERROR = 8000;

	/** How many parameters {@link #bind} sets. */
	static final int COLUMNS = 10;

	private final Database database;

	private final TableNames tables;

	/** The insert statement, reused across the steps of a run. */
	private final PreparedStatements statements = new PreparedStatements();

	private @Nullable String insertSql;

	public HistoryTable(Database database, TableNames tables) {
		this.database = database;
		this.tables = tables;
	}

	/** Closes the statement kept for inserts. */
	@Override
	public void close() {
		this.statements.close();
	}

	/** Creates the table if it does not exist (called under the migration lock, in autocommit). */
	public void create(Connection connection) throws SQLException {
		if (this.database.probesTablesFirst()) {
			if (!exists(connection)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(this.database.dialect().createHistoryTableSql(this.tables.history()));
				}
			}
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery(select("id") + " WHERE 1 = 0").close();
		}
		catch (SQLException ex) {
			if (!this.database.dialect().isMissingTable(ex)) {
				throw ex;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(this.database.dialect().createHistoryTableSql(this.tables.history()));
			}
		}
	}

	/** Whether the table exists, by a catalog query that cannot fail. */
	boolean exists(Connection connection) {
		return this.database.dialect().tableExists(connection, this.tables.history());
	}

	/** Whether a read may fail because the table is missing, or must ask the catalog first and found it missing. */
	private boolean missingByCatalog(Connection connection) {
		return this.database.probesTablesFirst() && !exists(connection);
	}

	String select(String columns) {
		return "SELECT " + columns + " FROM " + this.database.quote(this.tables.history(), "history table");
	}

	/** One row to write. */
	public record Entry(String revision, Direction direction, @Nullable String checksum, Instant startedAt, Duration duration,
			Outcome outcome, String actor, List<String> headsBefore, List<String> headsAfter, @Nullable String error) {
	}

	/** Writes a row in the connection's current transaction. */
	public void insert(Connection connection, Entry entry) throws SQLException {
		PreparedStatement statement = this.statements.get(connection, insertSql());
		bind(statement, 1, entry);
		statement.executeUpdate();
	}

	/** The insert statement, with its parameters as {@link #bind} sets them. */
	String insertSql() {
		if (this.insertSql == null) {
			this.insertSql = this.database.dialect().insertHistorySql(this.tables.history());
		}
		return this.insertSql;
	}

	/** Sets the parameters of {@link #insertSql} from parameter {@code first} on. */
	static void bind(PreparedStatement statement, int first, Entry entry) throws SQLException {
		statement.setString(first, truncate(entry.revision(), 255));
		statement.setString(first + 1, entry.direction().value());
		statement.setString(first + 2, entry.checksum());
		statement.setObject(first + 3, LocalDateTime.ofInstant(entry.startedAt(), ZoneOffset.UTC));
		statement.setLong(first + 4, entry.duration().toMillis());
		statement.setString(first + 5, entry.outcome().value());
		statement.setString(first + 6, truncate(entry.actor(), 255));
		statement.setString(first + 7, truncate(String.join(",", entry.headsBefore()), 1024));
		statement.setString(first + 8, truncate(String.join(",", entry.headsAfter()), 1024));
		if (entry.error() != null) {
			statement.setString(first + 9, truncate(entry.error(), MAX_ERROR));
		}
		else {
			statement.setNull(first + 9, Types.VARCHAR);
		}
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 3) + "...";
	}

	/** When and by whom Retort created a schema ({@code create-schema} row). */
	public record SchemaCreated(Instant at, String actor) {
	}

	/**
	 * The {@code create-schema} row of {@code schema}, the oldest if several; {@code null} if Retort did not
	 * record creating it (or the table does not exist).
	 */
	public @Nullable SchemaCreated schemaCreation(Connection connection, String schema) throws SQLException {
		if (!exists(connection)) {
			return null;
		}
		String sql = select("started_at, actor") + " WHERE direction = '" + Direction.CREATE_SCHEMA.value()
				+ "' AND revision = ? ORDER BY id";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				return new SchemaCreated(rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(2));
			}
		}
	}

	/** Rows newest first, at most {@code limit}; empty if the table does not exist. */
	public List<AppliedStep> newest(Connection connection, int limit) throws SQLException {
		String sql = this.database.dialect().selectHistorySql(this.tables.history());
		List<AppliedStep> steps = new ArrayList<>();
		if (missingByCatalog(connection)) {
			return steps;
		}
		try (Statement statement = connection.createStatement()) {
			statement.setMaxRows(Math.max(0, limit));
			try (ResultSet rs = statement.executeQuery(sql)) {
				while (rs.next() && steps.size() < limit) {
					LocalDateTime started = rs.getObject(5, LocalDateTime.class);
					steps.add(new AppliedStep(rs.getLong(1), rs.getString(2), Direction.fromValue(rs.getString(3)), rs.getString(4),
							started.toInstant(ZoneOffset.UTC), Duration.ofMillis(rs.getLong(6)), Outcome.fromValue(rs.getString(7)),
							rs.getString(8), split(rs.getString(9)), split(rs.getString(10)), rs.getString(11)));
				}
			}
		}
		catch (SQLException ex) {
			if (this.database.dialect().isMissingTable(ex)) {
				return List.of();
			}
			throw ex;
		}
		return steps;
	}

	private static List<String> split(@Nullable String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : Arrays.asList(joined.split(","));
	}

	/**
	 * Per revision, the checksum of its latest successful upgrade or repair (what validation needs,
	 * without the times {@link #recorded} also reads). Empty if the table does not exist.
	 */
	public Map<String, String> checksums(Connection connection) throws SQLException {
		Map<String, String> checksums = checksumsIfExists(connection);
		return (checksums != null) ? checksums : Map.of();
	}

	/**
	 * As {@link #checksums}, but {@code null} if the table does not exist: the read doubles as the
	 * probe for the table (call it in autocommit, where a failed read poisons no transaction).
	 */
	public @Nullable Map<String, String> checksumsIfExists(Connection connection) throws SQLException {
		Scan scan = scan(connection);
		return (scan != null) ? scan.checksums() : null;
	}

	/**
	 * What a locked run needs from the history, in one read.
	 *
	 * @param checksums per revision, the checksum of its latest successful upgrade or repair
	 * @param running whether a row is still {@code running} (under the lock: an interrupted revision)
	 * @param interrupted revisions with an earlier interrupted attempt that an operator resolved
	 */
	public record Scan(Map<String, String> checksums, boolean running, java.util.Set<String> interrupted) {
	}

	/**
	 * Checksums and the state of interrupted attempts in one query, or {@code null} if the table does
	 * not exist (the read doubles as the probe: call it in autocommit).
	 */
	public @Nullable Scan scan(Connection connection) throws SQLException {
		Map<String, String> checksums = new HashMap<>();
		java.util.Set<String> interrupted = new java.util.HashSet<>();
		boolean running = false;
		if (missingByCatalog(connection)) {
			return null;
		}
		String sql = select("revision, checksum, outcome") + " WHERE (outcome = '" + SUCCESS + "' AND direction IN ('"
				+ UPGRADE + "', '" + REPAIR + "') AND checksum IS NOT NULL) OR outcome IN ('" + Outcome.RUNNING.value()
				+ "', '" + Outcome.INTERRUPTED.value() + "') ORDER BY id";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				String outcome = rs.getString(3);
				if (SUCCESS.equals(outcome)) {
					checksums.put(rs.getString(1), rs.getString(2));
				}
				else if (Outcome.RUNNING.value().equals(outcome)) {
					running = true;
				}
				else {
					interrupted.add(rs.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			if (!this.database.dialect().isMissingTable(ex)) {
				throw ex;
			}
			return null;
		}
		return new Scan(checksums, running, interrupted);
	}

	/** What the history says of each revision. */
	public record Recorded(Map<String, String> checksums, Map<String, Instant> appliedAt, boolean running) {
	}

	/**
	 * Per revision: the checksum of its latest successful upgrade or repair, and the start of its
	 * latest successful upgrade. Empty if the table does not exist.
	 */
	public Recorded recorded(Connection connection) throws SQLException {
		Map<String, String> checksums = new HashMap<>();
		Map<String, Instant> appliedAt = new HashMap<>();
		boolean running = false;
		if (missingByCatalog(connection)) {
			return new Recorded(checksums, appliedAt, false);
		}
		String sql = select("revision, direction, checksum, started_at, outcome") + " WHERE (outcome = '" + SUCCESS
				+ "' AND direction IN ('" + UPGRADE + "', '" + REPAIR + "')) OR outcome = '" + Outcome.RUNNING.value()
				+ "' ORDER BY id";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				if (!SUCCESS.equals(rs.getString(5))) {
					running = true;
					continue;
				}
				String revision = rs.getString(1);
				String checksum = rs.getString(3);
				if (checksum != null) {
					checksums.put(revision, checksum);
				}
				if (UPGRADE.equals(rs.getString(2))) {
					appliedAt.put(revision, rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC));
				}
			}
		}
		catch (SQLException ex) {
			if (!this.database.dialect().isMissingTable(ex)) {
				throw ex;
			}
		}
		return new Recorded(checksums, appliedAt, running);
	}
}
