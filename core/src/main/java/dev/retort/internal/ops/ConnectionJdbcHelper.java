package dev.retort.internal.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.JdbcHelper;
import dev.retort.RetortException;
import dev.retort.RowMapper;
import dev.retort.internal.database.StatementFailures;

/** {@link JdbcHelper} on one connection. */
final class ConnectionJdbcHelper implements JdbcHelper {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionJdbcHelper.class);

	private final Connection connection;

	ConnectionJdbcHelper(Connection connection) {
		this.connection = connection;
	}

	@Override
	public <T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... params) {
		logger.debug("{}", sql);
		try (PreparedStatement ps = this.connection.prepareStatement(sql)) {
			Parameters.bind(ps, params);
			try (ResultSet rs = ps.executeQuery()) {
				List<T> rows = new ArrayList<>();
				int rowNum = 0;
				while (rs.next()) {
					rows.add(mapper.mapRow(rs, rowNum++));
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw StatementFailures.failed(sql, ex);
		}
	}

	@Override
	public List<Map<String, @Nullable Object>> queryForList(String sql, @Nullable Object... params) {
		return query(sql, (rs, rowNum) -> {
			ResultSetMetaData md = rs.getMetaData();
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			for (int i = 1; i <= md.getColumnCount(); i++) {
				row.put(md.getColumnLabel(i), rs.getObject(i));
			}
			return row;
		}, params);
	}

	@Override
	public <T> List<@Nullable T> queryForList(String sql, Class<T> type, @Nullable Object... params) {
		List<@Nullable T> values = new ArrayList<>();
		query(sql, (rs, rowNum) -> values.add(rs.getObject(1, type)), params);
		return values;
	}

	@Override
	public <T> @Nullable T queryForObject(String sql, Class<T> type, @Nullable Object... params) {
		List<@Nullable T> values = queryForList(sql, type, params);
		if (values.size() != 1) {
			throw RetortException.builder(CoreErrorCode.STATEMENT_FAILED,
					"Expected exactly one row but got " + values.size() + ": " + sql)
				.statement(sql)
				.build();
		}
		return values.get(0);
	}

	@Override
	public int update(String sql, @Nullable Object... params) {
		logger.debug("{}", sql);
		try (PreparedStatement ps = this.connection.prepareStatement(sql)) {
			Parameters.bind(ps, params);
			return ps.executeUpdate();
		}
		catch (SQLException ex) {
			throw StatementFailures.failed(sql, ex);
		}
	}

	@Override
	public int[] batchUpdate(String sql, List<@Nullable Object[]> batchParams) {
		logger.debug("{} ({} parameter sets)", sql, batchParams.size());
		try (PreparedStatement ps = this.connection.prepareStatement(sql)) {
			for (Object[] params : batchParams) {
				Parameters.bind(ps, params);
				ps.addBatch();
			}
			return ps.executeBatch();
		}
		catch (SQLException ex) {
			throw StatementFailures.failed(sql, ex);
		}
	}
}
