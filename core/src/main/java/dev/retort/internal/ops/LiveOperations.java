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

import dev.retort.AlterColumn;
import dev.retort.ErrorCode;
import dev.retort.Index;
import dev.retort.JdbcHelper;
import dev.retort.Operations;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.internal.database.DialectKind;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.database.SqlRenderer;
import dev.retort.internal.database.StatementFailures;
import dev.retort.internal.database.mysql.MySqlCatalog;

/**
 * {@link Operations} that run each statement at once on a connection. The caller (the executor)
 * owns the connection and its transaction; nothing here commits, rolls back or closes it. Each
 * statement is logged at DEBUG; a failing one raises {@link ErrorCode#STATEMENT_FAILED} carrying
 * the statement.
 */
public final class LiveOperations implements Operations {

	private static final Logger logger = LoggerFactory.getLogger(LiveOperations.class);

	private final Connection connection;

	private final SqlDialect dialect;

	private final SqlRenderer renderer;

	private final List<String> executed = new ArrayList<>();

	/** Operations on {@code connection} in {@code dialect}. */
	public LiveOperations(Connection connection, SqlDialect dialect) {
		this.connection = connection;
		this.dialect = dialect;
		this.renderer = SqlRenderer.forDialect(dialect);
	}

	/** Operations on {@code connection}, its dialect detected. */
	public LiveOperations(Connection connection) {
		this(connection, SqlDialect.detect(connection));
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
		SchemaOperation completed = complete(operation);
		if (completed instanceof Index index && index.isConcurrently()
				&& this.dialect.kind() == DialectKind.POSTGRESQL && inTransaction()) {
			throw new RetortException(ErrorCode.INVALID_OPERATION, "createIndex " + index.name()
					+ ": CREATE INDEX CONCURRENTLY cannot run inside a transaction;"
					+ " mark the revision transactional = false");
		}
		for (String sql : this.renderer.render(completed)) {
			executeStatement(sql);
		}
	}

	/** MySQL/MariaDB need facts a revision may leave out; read them from the catalog. */
	private SchemaOperation complete(SchemaOperation operation) {
		if (this.dialect.kind() != DialectKind.MYSQL && this.dialect.kind() != DialectKind.MARIADB) {
			return operation;
		}
		MySqlCatalog catalog = new MySqlCatalog(this.connection, this.dialect.kind());
		if (operation instanceof AlterColumn o && o.changesSomething()) {
			return catalog.complete(o);
		}
		if (operation instanceof SchemaOperation.DropIndex o) {
			return catalog.complete(o);
		}
		if (operation instanceof SchemaOperation.DropConstraint o) {
			return catalog.complete(o);
		}
		return operation;
	}

	private boolean inTransaction() {
		try {
			return !this.connection.getAutoCommit();
		}
		catch (SQLException ex) {
			throw new RetortException(ErrorCode.DATABASE_ERROR, "Cannot read the connection's auto-commit mode", ex);
		}
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
