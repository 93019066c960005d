package dev.retort.internal.database.sqlite;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.retort.ReferentialAction;
import dev.retort.internal.catalog.CatalogQueries;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.catalog.CheckSnapshot;
import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.catalog.ForeignKeySnapshot;
import dev.retort.internal.catalog.GeneratedNames;
import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.PrimaryKeySnapshot;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotBuilder;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.catalog.UniqueSnapshot;

/**
 * Reads a SQLite schema in four queries, whatever the number of tables: {@code sqlite_master}
 * joined with the table-valued pragmas {@code pragma_table_xinfo}, {@code pragma_index_list} +
 * {@code pragma_index_info} and {@code pragma_foreign_key_list}. Types are the declared types as
 * written ({@code VARCHAR(40)}), defaults as stored. What the pragmas do not say is read from the
 * stored {@code CREATE TABLE}/{@code CREATE INDEX} text ({@link SqliteSql}): the names of
 * constraints, check constraints, {@code AUTOINCREMENT} (the only column SQLite generates values
 * for that a revision can ask for), a partial index's {@code WHERE} and an expression index's
 * expressions. A constraint written without a name gets a made-up one, marked generated, so it is
 * matched by structure. SQLite's own tables ({@code sqlite_sequence}, {@code sqlite_stat1}) and
 * generated-column internals are left out.
 */
final class SqliteCatalogReader implements CatalogReader {

	private static final String TABLES = "SELECT name, sql FROM \"%s\".sqlite_master WHERE type = 'table'"
			+ " AND name NOT LIKE 'sqlite\\_%%' ESCAPE '\\'";

	private static final String COLUMNS = "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk"
			+ " FROM \"%1$s\".sqlite_master m JOIN pragma_table_xinfo(m.name, '%1$s') p"
			+ " WHERE m.type = 'table' AND p.hidden <> 1 ORDER BY m.name, p.cid";

	private static final String INDEXES = "SELECT m.name, il.name, il.\"unique\", il.origin, ii.name, s.sql"
			+ " FROM \"%1$s\".sqlite_master m JOIN pragma_index_list(m.name, '%1$s') il"
			+ " JOIN pragma_index_info(il.name, '%1$s') ii"
			+ " LEFT JOIN \"%1$s\".sqlite_master s ON s.type = 'index' AND s.name = il.name"
			+ " WHERE m.type = 'table' ORDER BY m.name, il.name, ii.seqno";

	private static final String FOREIGN_KEYS = "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update,"
			+ " f.on_delete FROM \"%1$s\".sqlite_master m JOIN pragma_foreign_key_list(m.name, '%1$s') f"
			+ " WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq";

	private static final Pattern SIZE = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

	private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	@Override
	public SchemaSnapshot read(Connection connection, SnapshotOptions options) {
		String schema = (options.schema() != null) ? options.schema() : "main";
		if (!SCHEMA_NAME.matcher(schema).matches()) {
			throw new IllegalArgumentException("Not a SQLite schema name: " + schema);
		}
		CatalogQueries q = new CatalogQueries(connection, schema);
		SnapshotBuilder builder = new SnapshotBuilder(options);
		Map<String, TableText> texts = new TreeMap<>();
		q.each(String.format(TABLES, schema), row -> {
			builder.table(row.getString(1));
			texts.put(row.getString(1), TableText.parse(row.getString(1), row.getString(2)));
		});
		Map<String, Map<Integer, String>> primaryKeys = new HashMap<>();
		q.each(String.format(COLUMNS, schema), row -> {
			String table = row.getString(1);
			String column = row.getString(2);
			// The declared type as written, its size spelled one way: "NUMERIC(10,2)" and "NUMERIC(10, 2)"
			// declare the same column.
			String type = SIZE.matcher(row.getString(3)).replaceFirst(
					(m) -> "(" + m.group(1) + ((m.group(2) != null) ? ", " + m.group(2) : "") + ")");
			TableText text = texts.get(table);
			boolean identity = text != null && text.autoincrement(column);
			Matcher size = SIZE.matcher(type);
			@Nullable Long length = null;
			@Nullable Integer precision = null;
			@Nullable Integer scale = null;
			if (size.find()) {
				String upper = type.toUpperCase(Locale.ROOT);
				if (upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") || upper.contains("BINARY")
						|| upper.contains("BLOB")) {
					length = Long.valueOf(size.group(1));
				}
				else {
					precision = Integer.valueOf(size.group(1));
					scale = (size.group(2) != null) ? Integer.valueOf(size.group(2)) : null;
				}
			}
			builder.column(table, new ColumnSnapshot(column, type, length, precision, scale, row.getInt(4) == 0,
					row.getString(5), identity));
			int pk = row.getInt(6);
			if (pk > 0) {
				primaryKeys.computeIfAbsent(table, (t) -> new TreeMap<>()).put(pk, column);
			}
		});
		primaryKeys.forEach((table, columns) -> {
			TableText text = texts.get(table);
			String name = (text != null) ? text.primaryKeyName : null;
			builder.object(table, new PrimaryKeySnapshot((name != null) ? name : "pk_" + table, name == null,
					List.copyOf(columns.values())));
		});
		readIndexes(q, schema, builder, texts);
		readForeignKeys(q, schema, builder, texts, primaryKeys);
		texts.forEach((table, text) -> {
			int n = 0;
			for (String[] check : text.checks) {
				n++;
				String name = check[0];
				builder.object(table, new CheckSnapshot((name != null) ? name : "ck_" + table + "_" + n,
						name == null || GeneratedNames.isHibernate(name), check[1]));
			}
		});
		return builder.build();
	}

	private static void readIndexes(CatalogQueries q, String schema, SnapshotBuilder builder,
			Map<String, TableText> texts) {
		Map<String, IndexRow> indexes = new LinkedHashMap<>();
		q.each(String.format(INDEXES, schema), row -> {
			String origin = row.getString(4);
			if ("pk".equals(origin)) {
				return;
			}
			String key = row.getString(1) + "\u0000" + row.getString(2);
			IndexRow index = indexes.get(key);
			if (index == null) {
				index = new IndexRow(row.getInt(3) == 1, "u".equals(origin), row.getString(6));
				indexes.put(key, index);
			}
			index.columns.add(row.getString(5));
		});
		indexes.forEach((key, index) -> {
			String table = key.substring(0, key.indexOf('\u0000'));
			String name = key.substring(key.indexOf('\u0000') + 1);
			if (index.constraint) {
				TableText text = texts.get(table);
				String given = (text != null) ? text.uniqueNames.get(lower(index.columns)) : null;
				builder.object(table, new UniqueSnapshot((given != null) ? given : name,
						given == null || GeneratedNames.isHibernate(given), index.columns));
				return;
			}
			List<String> parts = new ArrayList<>(index.columns);
			@Nullable String where = null;
			if (index.sql != null) {
				SqliteSql.CreateTable parsed = SqliteSql.parseCreateTable(index.sql);
				for (int i = 0; i < parts.size() && i < parsed.items().size(); i++) {
					if (parts.get(i) == null) {
						String expression = parsed.items().get(i);
						parts.set(i, expression.startsWith("(") ? expression : "(" + expression + ")");
					}
				}
				String tail = parsed.tail();
				if (tail.toUpperCase(Locale.ROOT).startsWith("WHERE")) {
					where = tail.substring("WHERE".length()).strip();
				}
			}
			builder.object(table, new IndexSnapshot(name, GeneratedNames.isHibernate(name), parts, index.unique, where));
		});
	}

	private static void readForeignKeys(CatalogQueries q, String schema, SnapshotBuilder builder,
			Map<String, TableText> texts, Map<String, Map<Integer, String>> primaryKeys) {
		Map<String, FkRow> keys = new LinkedHashMap<>();
		q.each(String.format(FOREIGN_KEYS, schema), row -> {
			String key = row.getString(1) + "\u0000" + row.getInt(2);
			FkRow fk = keys.get(key);
			if (fk == null) {
				fk = new FkRow(row.getString(3), row.getString(6), row.getString(7));
				keys.put(key, fk);
			}
			fk.columns.add(row.getString(4));
			fk.referencedColumns.add(row.getString(5));
		});
		keys.forEach((key, fk) -> {
			String table = key.substring(0, key.indexOf('\u0000'));
			List<String> referenced = new ArrayList<>(fk.referencedColumns);
			if (referenced.contains(null)) {
				// REFERENCES parent without columns: the parent's primary key.
				Map<Integer, String> parentKey = primaryKeys.getOrDefault(fk.referenced, Map.of());
				referenced = new ArrayList<>(parentKey.values());
			}
			TableText text = texts.get(table);
			String given = (text != null) ? text.foreignKeyNames.get(lower(fk.columns)) : null;
			String name = (given != null) ? given : "fk_" + table + "_" + String.join("_", fk.columns);
			builder.object(table, new ForeignKeySnapshot(name, given == null || GeneratedNames.isHibernate(given),
					fk.columns, fk.referenced, referenced, action(fk.onDelete), action(fk.onUpdate), false));
		});
	}

	private static String lower(List<String> columns) {
		return String.join("\u0000", columns).toLowerCase(Locale.ROOT);
	}

	private static ReferentialAction action(String rule) {
		return ReferentialAction.valueOf(rule.toUpperCase(Locale.ROOT).replace(' ', '_'));
	}

	/**
	 * What only the stored {@code CREATE TABLE} says: constraint names, checks, and the
	 * {@code AUTOINCREMENT} column.
	 */
	private static final class TableText {

		@Nullable String primaryKeyName;

		@Nullable String autoincrementColumn;

		final Map<String, String> uniqueNames = new HashMap<>();

		final Map<String, String> foreignKeyNames = new HashMap<>();

		/** Name (or null) and expression of each check, in the order written. */
		final List<@Nullable String[]> checks = new ArrayList<>();

		boolean autoincrement(String column) {
			return column.equalsIgnoreCase(this.autoincrementColumn);
		}

		static TableText parse(String table, @Nullable String sql) {
			TableText text = new TableText();
			if (sql == null) {
				return text;
			}
			for (String item : SqliteSql.parseCreateTable(sql).items()) {
				List<String> tokens = SqliteSql.tokens(item);
				if (tokens.isEmpty()) {
					continue;
				}
				String first = tokens.get(0).toUpperCase(Locale.ROOT);
				boolean tableConstraint = List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN").contains(first);
				if (tableConstraint) {
					text.tableConstraint(tokens);
				}
				else {
					text.columnConstraints(SqliteSql.unquote(tokens.get(0)), tokens);
				}
			}
			return text;
		}

		private void tableConstraint(List<String> tokens) {
			@Nullable String name = null;
			int i = 0;
			if (SqliteSql.is(tokens.get(0), "CONSTRAINT") && tokens.size() > 1) {
				name = SqliteSql.unquote(tokens.get(1));
				i = 2;
			}
			if (i >= tokens.size()) {
				return;
			}
			String kind = tokens.get(i).toUpperCase(Locale.ROOT);
			switch (kind) {
				case "PRIMARY" -> this.primaryKeyName = name;
				case "UNIQUE" -> {
					if (name != null && i + 1 < tokens.size()) {
						this.uniqueNames.put(lower(columnList(tokens.get(i + 1))), name);
					}
				}
				case "CHECK" -> {
					if (i + 1 < tokens.size()) {
						this.checks.add(new @Nullable String[] { name, inner(tokens.get(i + 1)) });
					}
				}
				case "FOREIGN" -> {
					if (name != null && i + 2 < tokens.size()) {
						this.foreignKeyNames.put(lower(columnList(tokens.get(i + 2))), name);
					}
				}
				default -> {
				}
			}
		}

		/** The constraints written on a column: {@code [CONSTRAINT n] PRIMARY KEY|UNIQUE|CHECK (...)|REFERENCES}. */
		private void columnConstraints(String column, List<String> tokens) {
			@Nullable String name = null;
			for (int i = 1; i < tokens.size(); i++) {
				String token = tokens.get(i).toUpperCase(Locale.ROOT);
				switch (token) {
					case "CONSTRAINT" -> {
						if (i + 1 < tokens.size()) {
							name = SqliteSql.unquote(tokens.get(++i));
						}
						continue;
					}
					case "PRIMARY" -> this.primaryKeyName = name;
					case "AUTOINCREMENT" -> this.autoincrementColumn = column;
					case "UNIQUE" -> {
						if (name != null) {
							this.uniqueNames.put(lower(List.of(column)), name);
						}
					}
					case "CHECK" -> {
						if (i + 1 < tokens.size()) {
							this.checks.add(new @Nullable String[] { name, inner(tokens.get(++i)) });
						}
					}
					case "REFERENCES" -> {
						if (name != null) {
							this.foreignKeyNames.put(lower(List.of(column)), name);
						}
					}
					default -> {
						continue;
					}
				}
				name = null;
			}
		}

		private static List<String> columnList(String parenthesised) {
			List<String> columns = new ArrayList<>();
			for (String part : inner(parenthesised).split(",")) {
				List<String> tokens = SqliteSql.tokens(part.strip());
				if (!tokens.isEmpty()) {
					columns.add(SqliteSql.unquote(tokens.get(0)));
				}
			}
			return columns;
		}

		private static String inner(String parenthesised) {
			String text = parenthesised.strip();
			return (text.startsWith("(") && text.endsWith(")")) ? text.substring(1, text.length() - 1).strip() : text;
		}
	}

	private static final class IndexRow {

		final boolean unique;

		final boolean constraint;

		final @Nullable String sql;

		final List<@Nullable String> columns = new ArrayList<>();

		IndexRow(boolean unique, boolean constraint, @Nullable String sql) {
			this.unique = unique;
			this.constraint = constraint;
			this.sql = sql;
		}
	}

	private static final class FkRow {

		final String referenced;

		final String onUpdate;

		final String onDelete;

		final List<String> columns = new ArrayList<>();

		final List<@Nullable String> referencedColumns = new ArrayList<>();

		FkRow(String referenced, String onUpdate, String onDelete) {
			this.referenced = referenced;
			this.onUpdate = onUpdate;
			this.onDelete = onDelete;
		}
	}
}
