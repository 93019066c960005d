package dev.retort.internal.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.JdbcHelper;
import dev.retort.Operations;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.Databases;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.database.SqlRenderer;
import dev.retort.internal.database.StatementFailures;

/**
 * {@link Operations} that run each statement at once on a connection. The caller (the executor)
 * owns the connection and its transaction; nothing here commits, rolls back or closes it. Each
 * statement is logged at DEBUG; a failing one raises {@link CoreErrorCode#STATEMENT_FAILED} carrying
 * the statement.
 */
public final class LiveOperations implements Operations {

	private static final Logger logger = LoggerFactory.getLogger(LiveOperations.class);

	private final Connection connection;

	private final Database database;

	private final SqlDialect dialect;

	private final SqlRenderer renderer;

	private final List<String> executed = new ArrayList<>();

	/** Operations on {@code connection}, a {@code database} one. */
	public LiveOperations(Connection connection, Database database) {
		this.connection = connection;
		this.database = database;
		this.dialect = database.dialect();
		this.renderer = database.renderer();
	}

	/** Operations on {@code connection}, its database detected. */
	public LiveOperations(Connection connection) {
		this(connection, Databases.detect(connection));
	}

	@Override
	public SqlDialect dialect() {
		return this.dialect;
	}

	@Override
	public boolean isOffline() {
		return false;
	}

	/** The statements run so far, in order (parameters not inlined). */
	public List<String> executedStatements() {
		return Collections.unmodifiableList(this.executed);
	}

	@Override
	public void run(SchemaOperation operation) {
		SchemaOperation completed = this.database.complete(this.connection, operation);
		String refusal = this.database.refusal(completed, this.connection);
		if (refusal != null) {
			throw new RetortException(CoreErrorCode.INVALID_OPERATION, refusal);
		}
		this.database.execute(this.connection, completed, this::executeStatement);
	}

	@Override
	public void execute(String sql, @Nullable Object... params) {
		if (params == null || params.length == 0) {
			executeStatement(sql);
			return;
		}
		logger.debug("{} ({} parameters)", sql, params.length);
		this.executed.add(sql);
		try (PreparedStatement ps = this.connection.prepareStatement(sql)) {
			Parameters.bind(ps, params);
			ps.execute();
		}
		catch (SQLException ex) {
			throw StatementFailures.failed(sql, ex);
		}
	}

	@Override
	public void bulkInsert(String table, List<? extends Map<String, ?>> rows) {
		QualifiedName name = QualifiedName.parse(table);
		int start = 0;
		while (start < rows.size()) {
			// One batch per run of rows with the same columns in the same order.
			List<String> columns = List.copyOf(rows.get(start).keySet());
			int end = start + 1;
			while (end < rows.size() && List.copyOf(rows.get(end).keySet()).equals(columns)) {
				end++;
			}
			String sql = this.renderer.insertSql(name, columns);
			logger.debug("{} ({} rows)", sql, end - start);
			this.executed.add(sql);
			try (PreparedStatement ps = this.connection.prepareStatement(sql)) {
				for (Map<String, ?> row : rows.subList(start, end)) {
					Parameters.bind(ps, columns.stream().map(row::get).toArray());
					ps.addBatch();
				}
				ps.executeBatch();
			}
			catch (SQLException ex) {
				throw StatementFailures.failed(sql, ex);
			}
			start = end;
		}
	}

	@Override
	public Connection connection() {
		return GuardedConnection.wrap(this.connection);
	}

	@Override
	public JdbcHelper jdbc() {
		return new ConnectionJdbcHelper(connection());
	}

	private void executeStatement(String sql) {
		logger.debug("{}", sql);
		this.executed.add(sql);
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw StatementFailures.failed(sql, ex);
		}
	}
}
