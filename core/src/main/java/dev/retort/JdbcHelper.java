package dev.retort;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Queries and updates for data migrations, on the revision's connection and transaction, with
 * positional {@code ?} parameters. A failing statement raises
 * {@link dev.retort.ErrorCode#STATEMENT_FAILED} naming the statement.
 */
public interface JdbcHelper {

	/** Maps every row. */
	<T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... params);

	/** Every row as a map of column label to value (insertion-ordered). */
	List<Map<String, @Nullable Object>> queryForList(String sql, @Nullable Object... params);

	/** The single column of every row, converted with {@code ResultSet.getObject(1, type)}. */
	<T> List<@Nullable T> queryForList(String sql, Class<T> type, @Nullable Object... params);

	/**
	 * The single value of a query that returns exactly one row.
	 * @throws dev.retort.RetortException {@link dev.retort.ErrorCode#STATEMENT_FAILED} if there is not
	 * exactly one row
	 */
	<T> @Nullable T queryForObject(String sql, Class<T> type, @Nullable Object... params);

	/** Runs an INSERT/UPDATE/DELETE (or DDL) and returns the affected row count. */
	int update(String sql, @Nullable Object... params);

	/** Runs one statement for each parameter array, as a JDBC batch. */
	int[] batchUpdate(String sql, List<@Nullable Object[]> batchParams);
}
