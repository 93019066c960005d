package dev.retort.internal.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.VersionRowChange;
import dev.retort.internal.database.Database;

/**
 * The version table: one row per current head, maintained exactly as Alembic maintains
 * {@code alembic_version}. Every change must touch exactly the rows the plan expects.
 */
public final class VersionTable implements AutoCloseable {

	private final Database database;

	private final TableNames tables;

	/** Row-change statements, reused across the steps of a run. */
	private final PreparedStatements statements = new PreparedStatements();

	private @Nullable String insertSql;

	private @Nullable String updateSql;

	private @Nullable String deleteSql;

	public VersionTable(Database database, TableNames tables) {
		this.database = database;
		this.tables = tables;
	}

	/** Closes the statements kept for row changes. */
	@Override
	public void close() {
		this.statements.close();
	}

	/**
	 * Creates the table if it does not exist. Called under the migration lock and in autocommit, so
	 * the probe cannot race another migrator and its failure poisons no transaction.
	 */
	void create(Connection connection) throws SQLException {
		if (this.database.probesTablesFirst()) {
			if (!exists(connection)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(createSql());
				}
			}
			return;
		}
		try {
			read(connection);
		}
		catch (SQLException ex) {
			if (!this.database.dialect().isMissingTable(ex)) {
				throw ex;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(createSql());
			}
		}
	}

	/**
	 * The rows, creating the table first if it does not exist (then there are none): one round trip
	 * when the table exists. Same conditions as {@link #create}.
	 */
	List<String> createAndRead(Connection connection) throws SQLException {
		if (this.database.probesTablesFirst() && !exists(connection)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(createSql());
			}
			return List.of();
		}
		try {
			return read(connection);
		}
		catch (SQLException ex) {
			if (!this.database.dialect().isMissingTable(ex)) {
				throw ex;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(createSql());
			}
			return List.of();
		}
	}

	/** A catalog query that cannot fail (see {@link Database#probesTablesFirst()}). */
	private boolean exists(Connection connection) {
		return this.database.dialect().tableExists(connection, this.tables.version());
	}

	/** The table's DDL. */
	String createSql() {
		return this.database.dialect().createVersionTableSql(this.tables.version());
	}

	/** The rows, sorted, in one round trip. */
	public List<String> read(Connection connection) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(this.database.dialect().selectVersionsSql(this.tables.version()))) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		rows.sort(null);
		return rows;
	}

	/**
	 * The rows, or an empty list if the table does not exist yet. Runs its probe so that a missing
	 * table does not poison a transaction: call it in autocommit mode.
	 */
	public List<String> readIfExists(Connection connection) throws SQLException {
		if (this.database.probesTablesFirst() && !exists(connection)) {
			return List.of();
		}
		try {
			return read(connection);
		}
		catch (SQLException ex) {
			if (this.database.dialect().isMissingTable(ex)) {
				return List.of();
			}
			throw ex;
		}
	}

	/** Applies one step's row changes; each must affect exactly one row (in the current transaction). */
	public void apply(Connection connection, List<VersionRowChange> changes, String step) throws SQLException {
		for (VersionRowChange change : changes) {
			PreparedStatement statement = this.statements.get(connection, sql(change));
			bind(statement, 1, change);
			check(change, statement.executeUpdate(), step);
		}
	}

	/** The statement of a row change, with its parameters as {@link #bind} sets them. */
	String sql(VersionRowChange change) {
		if (change instanceof VersionRowChange.Insert) {
			if (this.insertSql == null) {
				this.insertSql = this.database.dialect().insertVersionSql(this.tables.version());
			}
			return this.insertSql;
		}
		if (change instanceof VersionRowChange.Delete) {
			if (this.deleteSql == null) {
				this.deleteSql = this.database.dialect().deleteVersionSql(this.tables.version());
			}
			return this.deleteSql;
		}
		if (this.updateSql == null) {
			this.updateSql = this.database.dialect().updateVersionSql(this.tables.version());
		}
		return this.updateSql;
	}

	/**
	 * Sets the parameters of {@link #sql}{@code (change)} from parameter {@code first} on.
	 * @return the index of the next parameter
	 */
	static int bind(PreparedStatement statement, int first, VersionRowChange change) throws SQLException {
		int index = first;
		for (String value : parameters(change)) {
			statement.setString(index++, value);
		}
		return index;
	}

	/** The values of {@link #sql}{@code (change)}'s parameters, in order. */
	private static String[] parameters(VersionRowChange change) {
		if (change instanceof VersionRowChange.Insert insert) {
			return new String[] { insert.revision() };
		}
		if (change instanceof VersionRowChange.Delete delete) {
			return new String[] { delete.revision() };
		}
		VersionRowChange.Update update = (VersionRowChange.Update) change;
		return new String[] { update.to(), update.from() };
	}

	/** Fails unless a delete or update changed exactly one row ({@code count}, the update count). */
	void check(VersionRowChange change, int count, String step) {
		if (change instanceof VersionRowChange.Delete delete) {
			expectOne(count, "delete the row '" + delete.revision() + "'", step);
		}
		else if (change instanceof VersionRowChange.Update update) {
			expectOne(count, "update the row '" + update.from() + "' to '" + update.to() + "'", step);
		}
	}

	/** Deletes every row (stamp with purge). */
	void purge(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate(this.database.dialect().deleteAllVersionsSql(this.tables.version()));
		}
	}

	private void expectOne(int count, String what, String step) {
		if (count != 1) {
			throw new RetortException(CoreErrorCode.VERSION_TABLE_MISMATCH, "Expected to " + what + " of "
					+ this.tables.version() + " for " + step + ", but " + count + " rows matched. The version table"
					+ " was changed by someone else during the run; the step was rolled back.");
		}
	}

	/** The SQL of row changes with literals in place of parameters, for offline scripts. */
	List<String> render(List<VersionRowChange> changes) {
		List<String> sql = new ArrayList<>();
		for (VersionRowChange change : changes) {
			sql.add(bind(sql(change), parameters(change)));
		}
		return sql;
	}

	/** Replaces each {@code ?} of Retort's own statements (no {@code ?} inside names or literals) by a literal. */
	private String bind(String sql, String... values) {
		StringBuilder bound = new StringBuilder();
		int next = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			bound.append((c == '?') ? this.database.literal(values[next++]) : String.valueOf(c));
		}
		return bound.toString();
	}
}
