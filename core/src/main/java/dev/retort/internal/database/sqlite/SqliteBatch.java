package dev.retort.internal.database.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.retort.AlterColumn;
import dev.retort.CoreErrorCode;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.internal.database.StatementFailures;

/**
 * SQLite's batch mode, after Alembic's {@code batch_alter_table}: for a change {@code ALTER TABLE}
 * cannot make, the table is rebuilt inside the revision's transaction. Its {@code CREATE TABLE}
 * text is read from {@code sqlite_master} and changed (a column's type, nullability or default; a
 * table constraint added or a named one removed), a new table is created from it, the rows are
 * copied, the old table is dropped, the new one renamed, its indexes and triggers are created again
 * from their stored SQL, and {@code PRAGMA foreign_key_check} must find no row of, or pointing to,
 * the table. Working on the stored text keeps everything the revision does not change (collations,
 * {@code ON CONFLICT}, {@code STRICT}, {@code WITHOUT ROWID}) as it was.
 * <p>
 * The rename runs with {@code legacy_alter_table} on, so that SQLite neither rewrites nor checks the
 * views and triggers that mention the table while it is briefly missing.
 */
final class SqliteBatch {

	private static final Set<String> CLAUSE_STARTS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
			"DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");

	private static final Pattern CREATE_INDEX_OR_TRIGGER = Pattern.compile(
			"^(\\s*CREATE\\s+(?:UNIQUE\\s+)?(?:INDEX|TRIGGER)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)",
			Pattern.CASE_INSENSITIVE);

	private final Connection connection;

	private final SqliteDialect dialect;

	private final SqliteSqlRenderer renderer;

	SqliteBatch(Connection connection, SqliteDialect dialect, SqliteSqlRenderer renderer) {
		this.connection = connection;
		this.dialect = dialect;
		this.renderer = renderer;
	}

	/** Runs one batch operation, each statement through {@code statements}. */
	void run(SchemaOperation operation, Consumer<String> statements) {
		QualifiedName table = tableOf(operation);
		String origin = origin(operation);
		AlterColumn alter = (operation instanceof AlterColumn a) ? a : null;
		if (alter != null && alter.newName() != null) {
			// In place first, so the stored definitions (indexes, triggers) already use the new name.
			statements.accept(this.renderer.alterColumn(alter).get(0));
		}
		try {
			if ("1".equals(read("PRAGMA foreign_keys", null))) {
				// Dropping the old table would run its children's ON DELETE actions (or fail), and the
				// pragma cannot be changed inside a transaction: a Retort run turns it off beforehand.
				throw new RetortException(CoreErrorCode.INVALID_OPERATION, origin
						+ ": SQLite rebuilds the table (batch mode), which needs PRAGMA foreign_keys off; a Retort run"
						+ " turns it off before its first step and on again after. Turn it off on this connection.");
			}
			String createSql = read("SELECT sql FROM " + this.dialect.master(table.schema())
					+ " WHERE type = 'table' AND name = ? COLLATE NOCASE", table.name());
			if (createSql == null) {
				throw new RetortException(CoreErrorCode.INVALID_OPERATION, origin + ": no table " + table);
			}
			SqliteSql.CreateTable parsed = SqliteSql.parseCreateTable(createSql);
			List<String> items = new ArrayList<>(parsed.items());
			List<String> copied = columns(table);
			List<String> sources = new ArrayList<>();
			for (String column : copied) {
				sources.add(this.dialect.quote(column, origin));
			}
			if (alter != null) {
				String column = (alter.newName() != null) ? alter.newName() : alter.column();
				int at = columnItem(items, column, origin);
				items.set(at, alterColumn(items.get(at), alter, origin));
				if (alter.using() != null) {
					int position = indexOfIgnoreCase(copied, column);
					sources.set(position, alter.using());
				}
			}
			else if (operation instanceof SchemaOperation.AddConstraint add) {
				items.add(this.renderer.tableConstraint(add.constraint(), table, origin));
			}
			else {
				dropConstraint(items, ((SchemaOperation.DropConstraint) operation).name(), origin);
			}
			List<String> dependents = readAll("SELECT sql FROM " + this.dialect.master(table.schema())
					+ " WHERE tbl_name = ? COLLATE NOCASE AND type IN ('index', 'trigger') AND sql IS NOT NULL",
					table.name());
			QualifiedName temporary = table.sibling("_retort_batch_" + table.name());
			String quotedTemporary = this.dialect.quote(temporary, origin);
			String quotedTable = this.dialect.quote(table, origin);
			statements.accept("CREATE TABLE " + quotedTemporary + " (" + String.join(", ", items) + ")"
					+ (parsed.tail().isEmpty() ? "" : " " + parsed.tail()));
			String columnList = this.dialect.quoteAll(copied, origin);
			statements.accept("INSERT INTO " + quotedTemporary + " (" + columnList + ") SELECT "
					+ String.join(", ", sources) + " FROM " + quotedTable);
			statements.accept("DROP TABLE " + quotedTable);
			String legacy = read("PRAGMA legacy_alter_table", null);
			statements.accept("PRAGMA legacy_alter_table = ON");
			statements.accept("ALTER TABLE " + quotedTemporary + " RENAME TO "
					+ this.dialect.quote(table.name(), origin));
			statements.accept("PRAGMA legacy_alter_table = " + ("1".equals(legacy) ? "ON" : "OFF"));
			for (String sql : dependents) {
				statements.accept(inSchema(sql, table.schema()));
			}
			checkForeignKeys(table, origin);
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					origin + ": cannot read the table's definition for batch mode: " + ex.getMessage(), ex);
		}
	}

	private String alterColumn(String item, AlterColumn alter, String origin) {
		List<String> tokens = SqliteSql.tokens(item);
		int typeEnd = 1;
		while (typeEnd < tokens.size() && !startsClause(tokens, typeEnd)) {
			typeEnd++;
		}
		List<List<String>> clauses = clauses(tokens, typeEnd);
		String type = (alter.type() != null) ? this.dialect.typeName(alter.type()) : typeText(tokens.subList(1, typeEnd));
		if (alter.type() != null && tokens.stream().anyMatch((token) -> SqliteSql.is(token, "AUTOINCREMENT"))) {
			// Only INTEGER PRIMARY KEY generates values; every integer type is the same 64-bit integer.
			switch (alter.type().kind()) {
				case SMALLINT, INTEGER, BIGINT -> type = "INTEGER";
				default -> throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT, origin
						+ ": an AUTOINCREMENT column must stay INTEGER on SQLite");
			}
		}
		if (alter.nullable() != null) {
			removeClauses(clauses, "NOT", "NULL");
			if (!alter.nullable()) {
				clauses.add(List.of("NOT", "NULL"));
			}
		}
		if (alter.dropsServerDefault() || alter.serverDefault() != null) {
			removeClauses(clauses, "DEFAULT");
			if (alter.serverDefault() != null) {
				clauses.add(List.of("DEFAULT", defaultText(this.renderer.defaultOf(alter.serverDefault()))));
			}
		}
		StringBuilder sql = new StringBuilder(tokens.get(0));
		if (!type.isEmpty()) {
			sql.append(' ').append(type);
		}
		for (List<String> clause : clauses) {
			sql.append(' ').append(String.join(" ", clause));
		}
		return sql.toString();
	}

	/**
	 * The declared type as written: {@code VARCHAR(100)} stays one word (SQLite stores the type's text,
	 * and the catalog reports it), words apart by one space ({@code DOUBLE PRECISION}).
	 */
	private static String typeText(List<String> tokens) {
		StringBuilder type = new StringBuilder();
		for (String token : tokens) {
			if (type.length() > 0 && !token.startsWith("(")) {
				type.append(' ');
			}
			type.append(token);
		}
		return type.toString();
	}

	/** SQLite takes a default expression only in parentheses; literals as they are. */
	private static String defaultText(String sql) {
		String trimmed = sql.strip();
		boolean bare = trimmed.startsWith("(") || trimmed.matches("'.*'|[-+]?[0-9.]+|(?i)null|true|false"
				+ "|current_timestamp|current_date|current_time|X'[0-9A-Fa-f]*'");
		return bare ? trimmed : "(" + trimmed + ")";
	}

	/** Removes clauses starting with the keywords, and a {@code CONSTRAINT name} right before one. */
	private static void removeClauses(List<List<String>> clauses, String... keywords) {
		for (int i = clauses.size() - 1; i >= 0; i--) {
			List<String> clause = clauses.get(i);
			boolean match = clause.size() >= keywords.length;
			for (int k = 0; match && k < keywords.length; k++) {
				match = SqliteSql.is(clause.get(k), keywords[k]);
			}
			if (keywords.length == 2 && SqliteSql.is(keywords[0], "NOT") && clause.size() == 1
					&& SqliteSql.is(clause.get(0), "NULL")) {
				match = true; // a bare NULL is a nullability clause too
			}
			if (match) {
				clauses.remove(i);
				if (i > 0 && SqliteSql.is(clauses.get(i - 1).get(0), "CONSTRAINT")) {
					clauses.remove(i - 1);
					i--;
				}
			}
		}
	}

	private static void dropConstraint(List<String> items, String name, String origin) {
		for (int i = 0; i < items.size(); i++) {
			List<String> tokens = SqliteSql.tokens(items.get(i));
			if (tokens.size() > 1 && SqliteSql.is(tokens.get(0), "CONSTRAINT")
					&& SqliteSql.unquote(tokens.get(1)).equalsIgnoreCase(name)) {
				items.remove(i);
				return;
			}
			if (!tokens.isEmpty() && !startsClause(tokens, 0)) {
				// A column: a named constraint may be one of its clauses.
				int typeEnd = 1;
				while (typeEnd < tokens.size() && !startsClause(tokens, typeEnd)) {
					typeEnd++;
				}
				List<List<String>> clauses = clauses(tokens, typeEnd);
				for (int c = 0; c < clauses.size() - 1; c++) {
					List<String> clause = clauses.get(c);
					if (SqliteSql.is(clause.get(0), "CONSTRAINT") && clause.size() > 1
							&& SqliteSql.unquote(clause.get(1)).equalsIgnoreCase(name)) {
						clauses.remove(c + 1);
						clauses.remove(c);
						StringBuilder sql = new StringBuilder(String.join(" ", tokens.subList(0, typeEnd)));
						clauses.forEach((rest) -> sql.append(' ').append(String.join(" ", rest)));
						items.set(i, sql.toString());
						return;
					}
				}
			}
		}
		throw new RetortException(CoreErrorCode.INVALID_OPERATION,
				origin + ": the table has no constraint named " + name + " (SQLite knows only named constraints)");
	}

	/** The clauses from {@code start}, each beginning with a constraint keyword. */
	private static List<List<String>> clauses(List<String> tokens, int start) {
		List<List<String>> clauses = new ArrayList<>();
		for (int i = start; i < tokens.size(); i++) {
			if (clauses.isEmpty() || startsClause(tokens, i)) {
				clauses.add(new ArrayList<>());
			}
			clauses.get(clauses.size() - 1).add(tokens.get(i));
		}
		return clauses;
	}

	/** Whether the token at {@code i} starts a column constraint (not {@code SET NULL}, {@code NOT DEFERRABLE}...). */
	private static boolean startsClause(List<String> tokens, int i) {
		String token = tokens.get(i).toUpperCase(Locale.ROOT);
		if (!CLAUSE_STARTS.contains(token)) {
			return false;
		}
		String previous = (i > 0) ? tokens.get(i - 1).toUpperCase(Locale.ROOT) : "";
		if (previous.equals("CONSTRAINT")) {
			return false; // the constraint's name
		}
		return switch (token) {
			case "NOT" -> i + 1 < tokens.size() && SqliteSql.is(tokens.get(i + 1), "NULL");
			case "NULL" -> !previous.equals("SET") && !previous.equals("NOT");
			case "DEFAULT" -> !previous.equals("SET");
			case "AS" -> !previous.equals("ALWAYS");
			default -> true;
		};
	}

	private static int columnItem(List<String> items, String column, String origin) {
		for (int i = 0; i < items.size(); i++) {
			List<String> tokens = SqliteSql.tokens(items.get(i));
			if (!tokens.isEmpty() && !startsClause(tokens, 0) && !SqliteSql.is(tokens.get(0), "FOREIGN")
					&& SqliteSql.unquote(tokens.get(0)).equalsIgnoreCase(column)) {
				return i;
			}
		}
		throw new RetortException(CoreErrorCode.INVALID_OPERATION, origin + ": the table has no column " + column);
	}

	private static int indexOfIgnoreCase(List<String> names, String name) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equalsIgnoreCase(name)) {
				return i;
			}
		}
		return -1;
	}

	/** The stored columns (not generated ones, which cannot be inserted). */
	private List<String> columns(QualifiedName table) throws SQLException {
		String schema = (table.schema() != null) ? this.dialect.quote(table.schema(), "schema name") + "." : "";
		List<String> columns = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("PRAGMA " + schema + "table_xinfo("
						+ this.dialect.literal(table.name()) + ")")) {
			while (rs.next()) {
				if (rs.getInt("hidden") == 0) {
					columns.add(rs.getString("name"));
				}
			}
		}
		return columns;
	}

	/** Index and trigger SQL is stored unqualified; in an attached schema it must say the schema again. */
	private String inSchema(String sql, @Nullable String schema) {
		if (schema == null) {
			return sql;
		}
		Matcher matcher = CREATE_INDEX_OR_TRIGGER.matcher(sql);
		return matcher.find()
				? matcher.group(1) + this.dialect.quote(schema, "schema name") + "." + sql.substring(matcher.end())
				: sql;
	}

	private void checkForeignKeys(QualifiedName table, String origin) {
		String schema = (table.schema() != null) ? this.dialect.quote(table.schema(), "schema name") + "." : "";
		String sql = "PRAGMA " + schema + "foreign_key_check";
		List<String> violations = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				String child = rs.getString(1);
				String parent = rs.getString(3);
				if (table.name().equalsIgnoreCase(child) || table.name().equalsIgnoreCase(parent)) {
					violations.add(child + " rowid " + rs.getString(2) + " -> " + parent);
				}
			}
		}
		catch (SQLException ex) {
			throw StatementFailures.failed(sql, ex);
		}
		if (!violations.isEmpty()) {
			throw RetortException.builder(CoreErrorCode.STATEMENT_FAILED, origin
					+ ": after rebuilding the table, PRAGMA foreign_key_check finds rows whose parent is missing: "
					+ String.join(", ", violations.subList(0, Math.min(10, violations.size())))
					+ ((violations.size() > 10) ? " and " + (violations.size() - 10) + " more" : ""))
				.statement(sql)
				.build();
		}
	}

	private @Nullable String read(String sql, @Nullable String parameter) throws SQLException {
		List<String> all = readAll(sql, parameter);
		return all.isEmpty() ? null : all.get(0);
	}

	private List<String> readAll(String sql, @Nullable String parameter) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement select = this.connection.prepareStatement(sql)) {
			if (parameter != null) {
				select.setString(1, parameter);
			}
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
		}
		return values;
	}

	static QualifiedName tableOf(SchemaOperation operation) {
		if (operation instanceof AlterColumn o) {
			return o.table();
		}
		if (operation instanceof SchemaOperation.AddConstraint o) {
			return o.table();
		}
		return ((SchemaOperation.DropConstraint) operation).table();
	}

	private static String origin(SchemaOperation operation) {
		if (operation instanceof AlterColumn o) {
			return "alterColumn " + o.table() + "." + o.column();
		}
		if (operation instanceof SchemaOperation.AddConstraint o) {
			return "addConstraint on " + o.table();
		}
		SchemaOperation.DropConstraint o = (SchemaOperation.DropConstraint) operation;
		return "dropConstraint " + o.name() + " on " + o.table();
	}
}
