package dev.retort.internal.ops;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.retort.Column;
import dev.retort.Index;
import dev.retort.internal.database.SqlDialect;

/** Reads a schema through DatabaseMetaData, in each database's own spelling of names. */
final class SchemaInspector {

	private final Connection connection;

	private final SqlDialect dialect;

	private final @Nullable String catalog;

	private final @Nullable String schema;

	/** Inspects {@code schema} (lower-case as written in the DSL), or the current schema if {@code null}. */
	SchemaInspector(Connection connection, SqlDialect dialect, @Nullable String schema) throws SQLException {
		this.connection = connection;
		this.dialect = dialect;
		boolean mysql = dialect.name().equals("mysql") || dialect.name().equals("mariadb");
		String stored = (schema != null) ? dialect.storedName(schema) : null;
		if (mysql) {
			this.catalog = (stored != null) ? stored : connection.getCatalog();
			this.schema = null;
		}
		else {
			this.catalog = null;
			this.schema = (stored != null) ? stored : connection.getSchema();
		}
	}

	private String n(String name) {
		return this.dialect.storedName(name);
	}

	private DatabaseMetaData md() throws SQLException {
		return this.connection.getMetaData();
	}

	/** Column facts, or {@code null} if the column does not exist. */
	@Nullable ColumnFacts column(String table, String column) throws SQLException {
		try (ResultSet rs = md().getColumns(this.catalog, this.schema, n(table), n(column))) {
			while (rs.next()) {
				if (rs.getString("COLUMN_NAME").equals(n(column)) && rs.getString("TABLE_NAME").equals(n(table))) {
					return new ColumnFacts(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
							"YES".equals(rs.getString("IS_NULLABLE")), rs.getString("COLUMN_DEF"),
							"YES".equals(rs.getString("IS_AUTOINCREMENT")));
				}
			}
			return null;
		}
	}

	boolean tableExists(String table) throws SQLException {
		try (ResultSet rs = md().getTables(this.catalog, this.schema, n(table), null)) {
			while (rs.next()) {
				if (rs.getString("TABLE_NAME").equals(n(table))) {
					return true;
				}
			}
			return false;
		}
	}

	/** Index name (lower-cased) to "unique|non-unique: col,col". Primary-key indexes included. */
	Map<String, String> indexes(String table) throws SQLException {
		Map<String, List<String>> columns = new TreeMap<>();
		Map<String, Boolean> unique = new TreeMap<>();
		try (ResultSet rs = md().getIndexInfo(this.catalog, this.schema, n(table), false, false)) {
			while (rs.next()) {
				String name = rs.getString("INDEX_NAME");
				if (name == null) {
					continue;
				}
				name = name.toLowerCase(Locale.ROOT);
				columns.computeIfAbsent(name, k -> new ArrayList<>())
					.add(String.valueOf(rs.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT));
				unique.put(name, !rs.getBoolean("NON_UNIQUE"));
			}
		}
		Map<String, String> result = new TreeMap<>();
		columns.forEach((name, cols) -> result.put(name, (unique.get(name) ? "unique: " : "non-unique: ")
				+ String.join(",", cols)));
		return result;
	}

	/** Primary key columns, lower-cased, in key order. */
	List<String> primaryKey(String table) throws SQLException {
		Map<Integer, String> cols = new TreeMap<>();
		try (ResultSet rs = md().getPrimaryKeys(this.catalog, this.schema, n(table))) {
			while (rs.next()) {
				cols.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return new ArrayList<>(cols.values());
	}

	/** Foreign keys of a table: "name: col -> table.col (delete rule)", lower-cased. */
	List<String> foreignKeys(String table) throws SQLException {
		List<String> keys = new ArrayList<>();
		try (ResultSet rs = md().getImportedKeys(this.catalog, this.schema, n(table))) {
			while (rs.next()) {
				keys.add((String.valueOf(rs.getString("FK_NAME")) + ": " + rs.getString("FKCOLUMN_NAME") + " -> "
						+ rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME") + " delete="
						+ rs.getInt("DELETE_RULE")).toLowerCase(Locale.ROOT));
			}
		}
		keys.sort(null);
		return keys;
	}

	/** A description of every table in the schema: columns, primary key, indexes, foreign keys. */
	Map<String, String> snapshot() throws SQLException {
		Map<String, String> tables = new TreeMap<>();
		List<String> names = new ArrayList<>();
		try (ResultSet rs = md().getTables(this.catalog, this.schema, "%", null)) {
			while (rs.next()) {
				String type = rs.getString("TABLE_TYPE");
				if (type != null && type.toUpperCase(Locale.ROOT).contains("TABLE")
						&& !type.toUpperCase(Locale.ROOT).contains("SYSTEM")) {
					names.add(rs.getString("TABLE_NAME"));
				}
			}
		}
		for (String table : names) {
			StringBuilder b = new StringBuilder();
			try (ResultSet rs = md().getColumns(this.catalog, this.schema, table, "%")) {
				while (rs.next()) {
					b.append(rs.getString("COLUMN_NAME")).append(' ').append(rs.getString("TYPE_NAME")).append('(')
						.append(rs.getInt("COLUMN_SIZE")).append(") nullable=").append(rs.getString("IS_NULLABLE"))
						.append(" default=").append(rs.getString("COLUMN_DEF")).append('\n');
				}
			}
			b.append("pk=").append(primaryKey(table)).append('\n');
			b.append("indexes=").append(indexes(table).values().stream().sorted().toList()).append('\n');
			b.append("fks=").append(foreignKeys(table)).append('\n');
			tables.put(table, b.toString());
		}
		return tables;
	}

	record ColumnFacts(int jdbcType, String typeName, int size, boolean nullable, @Nullable String defaultValue,
			boolean autoincrement) {
	}
}
