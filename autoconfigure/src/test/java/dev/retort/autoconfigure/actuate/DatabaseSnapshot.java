package dev.retort.autoconfigure.actuate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Everything a downgrade could change, as text: the version rows, every column of every history
 * row, and the schema (tables, columns with types and nullability, indexes). Two equal snapshots
 * mean the database was not touched.
 */
record DatabaseSnapshot(List<String> versionRows, List<String> historyRows, List<String> schema,
		List<String> widgets) {

	static DatabaseSnapshot of(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return new DatabaseSnapshot(rows(connection, "SELECT * FROM retort_version ORDER BY version_num"),
					rows(connection, "SELECT * FROM retort_history ORDER BY 1"), schema(connection),
					rows(connection, "SELECT * FROM widgets ORDER BY id"));
		}
	}

	private static List<String> rows(Connection connection, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			ResultSetMetaData meta = result.getMetaData();
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int column = 1; column <= meta.getColumnCount(); column++) {
					row.append(meta.getColumnLabel(column).toLowerCase(Locale.ROOT))
						.append('=')
						.append(result.getString(column))
						.append(';');
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	private static List<String> schema(Connection connection) throws SQLException {
		List<String> schema = new ArrayList<>();
		DatabaseMetaData meta = connection.getMetaData();
		String catalog = connection.getCatalog();
		String currentSchema = connection.getSchema();
		List<String> tables = new ArrayList<>();
		try (ResultSet result = meta.getTables(catalog, currentSchema, "%", new String[] { "TABLE" })) {
			while (result.next()) {
				tables.add(result.getString("TABLE_NAME"));
			}
		}
		tables.sort(null);
		for (String table : tables) {
			schema.add("table " + table);
			try (ResultSet result = meta.getColumns(catalog, currentSchema, table, "%")) {
				while (result.next()) {
					schema.add("  column " + result.getString("COLUMN_NAME") + " " + result.getString("TYPE_NAME")
							+ "(" + result.getInt("COLUMN_SIZE") + ") nullable=" + result.getString("IS_NULLABLE"));
				}
			}
			try (ResultSet result = meta.getIndexInfo(catalog, currentSchema, table, false, false)) {
				while (result.next()) {
					schema.add("  index " + result.getString("INDEX_NAME") + " " + result.getString("COLUMN_NAME"));
				}
			}
		}
		return schema;
	}

}
