package dev.retort.internal.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/** Runs a reader's catalog queries, with the schema as the only parameter. */
public final class CatalogQueries {

	private final Connection connection;

	private final String schema;

	public CatalogQueries(Connection connection, String schema) {
		this.connection = connection;
		this.schema = schema;
	}

	/** The schema the queries read. */
	public String schema() {
		return this.schema;
	}

	/** One query; each {@code ?} is bound to the schema name. */
	public void each(String sql, RowHandler handler) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			// Counted, not asked: PostgreSQL's getParameterMetaData costs a round trip.
			int count = (int) sql.chars().filter(ch -> ch == '?').count();
			for (int i = 1; i <= count; i++) {
				statement.setString(i, this.schema);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					handler.row(rows);
				}
			}
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot read the catalog of schema " + this.schema + ": " + ex.getMessage() + " (query: " + sql + ")",
					ex);
		}
	}

	/** Handles one row. */
	@FunctionalInterface
	public interface RowHandler {

		void row(ResultSet row) throws SQLException;
	}

	/** The connection's current schema (MariaDB/MySQL: database), or the given one. */
	public static String schemaOf(Connection connection, SnapshotOptions options) {
		if (options.schema() != null) {
			return options.schema();
		}
		try {
			String schema = connection.getSchema();
			if (schema == null) {
				schema = connection.getCatalog();
			}
			if (schema == null) {
				throw new RetortException(CoreErrorCode.DATABASE_ERROR, "The connection has no current schema to read");
			}
			return schema;
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Cannot tell the current schema: " + ex.getMessage(),
					ex);
		}
	}
}
