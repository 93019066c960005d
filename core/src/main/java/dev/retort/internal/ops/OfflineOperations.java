package dev.retort.internal.ops;

import java.sql.Connection;
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
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.database.SqlRenderer;

/**
 * {@link Operations} that record SQL for an offline script ({@code --sql}) instead of running it.
 * Parameters are written as escaped literals. {@link #connection()} and {@link #jdbc()} fail with
 * {@link CoreErrorCode#OFFLINE_NOT_SUPPORTED}: a revision that reads the database cannot be rendered.
 * <p>
 * Made by an {@link OfflineSession} for an engine whose DDL depends on what is in the database
 * (SQLite's batch mode), the operations also run each statement on the session's in-memory copy of
 * the schema, and render each operation as that engine runs it live ({@link Database#execute}),
 * reading the copy. Once a statement fails on the copy (it needs rows or an attached database the
 * copy lacks), the copy no longer says what the script has done: the operations then render as
 * without one, and what needs it is refused as before ({@code OFFLINE_NOT_SUPPORTED}).
 */
public final class OfflineOperations implements Operations {

	private static final Logger logger = LoggerFactory.getLogger(OfflineOperations.class);

	private final SqlDialect dialect;

	private final SqlRenderer renderer;

	private final List<String> statements = new ArrayList<>();

	private final @Nullable Database database;

	private final @Nullable OfflineSession session;

	/** Records statements for {@code dialect}. */
	public OfflineOperations(SqlDialect dialect) {
		this.dialect = dialect;
		this.renderer = SqlRenderer.forDialect(dialect);
		this.database = null;
		this.session = null;
	}

	/** Records statements for {@code database}, following the schema of {@code session}. */
	OfflineOperations(Database database, OfflineSession session) {
		this.dialect = database.dialect();
		this.renderer = database.renderer();
		this.database = database;
		this.session = session;
	}

	/** The recorded statements, in order, without terminators. */
	public List<String> statements() {
		return Collections.unmodifiableList(this.statements);
	}

	@Override
	public SqlDialect dialect() {
		return this.dialect;
	}

	@Override
	public boolean isOffline() {
		return true;
	}

	@Override
	public void run(SchemaOperation operation) {
		Connection copy = (this.session != null) ? this.session.shadow() : null;
		if (this.database != null && this.session != null && copy != null) {
			OfflineSession following = this.session;
			this.database.execute(copy, this.database.complete(copy, operation), (sql) -> {
				logger.debug("{}", sql);
				following.follow(sql);
				this.statements.add(sql);
			});
			return;
		}
		this.renderer.render(operation).forEach(this::record);
	}

	@Override
	public void execute(String sql, @Nullable Object... params) {
		record((params == null || params.length == 0) ? sql
				: this.renderer.inlineParameters(sql, java.util.Arrays.asList(params)));
	}

	@Override
	public void bulkInsert(String table, List<? extends Map<String, ?>> rows) {
		QualifiedName name = QualifiedName.parse(table);
		for (Map<String, ?> row : rows) {
			List<String> columns = List.copyOf(row.keySet());
			record(this.renderer.inlineParameters(this.renderer.insertSql(name, columns),
					columns.stream().map(row::get).toList()));
		}
	}

	@Override
	public Connection connection() {
		throw new RetortException(CoreErrorCode.OFFLINE_NOT_SUPPORTED,
				"This revision asks for the database connection, which offline SQL (--sql) does not have;"
						+ " run it against a live database instead");
	}

	@Override
	public JdbcHelper jdbc() {
		throw new RetortException(CoreErrorCode.OFFLINE_NOT_SUPPORTED,
				"This revision queries the database (op.jdbc()), which offline SQL (--sql) cannot do;"
						+ " run it against a live database instead");
	}

	private void record(String sql) {
		logger.debug("{}", sql);
		if (this.session != null) {
			this.session.follow(sql);
		}
		this.statements.add(sql);
	}
}
