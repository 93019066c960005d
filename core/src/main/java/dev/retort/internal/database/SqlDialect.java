package dev.retort.internal.database;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SqlType;

/**
 * What Retort needs to know about one database product: how to validate and quote identifiers,
 * how to name the neutral {@link SqlType}s, how to write literals for offline scripts, whether DDL
 * is transactional, and the SQL of Retort's own version and history tables.
 * <p>
 * Obtain one with {@link #detect(Connection)} (online), {@link #fromUrl(String)} or
 * {@link #byName(String)} (offline). Instances are immutable and thread-safe.
 * <p>
 * Identifiers are always validated ({@link IdentifierValidator}) and quoted. A name written entirely
 * in lower case is rendered in the case the database gives unquoted names ({@link IdentifierCase}),
 * so it names the same object as the unquoted name in hand-written SQL; any other name is exact.
 * <p>
 * Longer than 400 lines on purpose: it is the one place of the SQL every engine shares (quoting,
 * types, literals, and each statement of the version and history tables), overridden per engine.
 */
public abstract class SqlDialect implements dev.retort.Dialect {

	/** Columns of the history table that {@link #insertHistorySql} binds, in parameter order. */
	public static final List<String> HISTORY_INSERT_COLUMNS = List.of("revision", "direction", "checksum",
			"started_at", "duration_ms", "outcome", "actor", "heads_before", "heads_after", "error");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	private static final DateTimeFormatter TIMESTAMP_TZ = DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

	private final String name;

	private final IdentifierCase identifierCase;

	private final IdentifierValidator validator;

	protected SqlDialect(String name, IdentifierCase identifierCase, IdentifierValidator validator) {
		this.name = name;
		this.identifierCase = identifierCase;
		this.validator = validator;
	}

	// ---------------------------------------------------------------- obtaining a dialect

	/**
	 * The dialect of the database behind {@code connection} ({@link Databases#detect(Connection)}).
	 * @throws RetortException {@link CoreErrorCode#UNSUPPORTED_BY_DIALECT} for other products,
	 * {@link CoreErrorCode#DATABASE_ERROR} if the metadata cannot be read
	 */
	public static SqlDialect detect(Connection connection) {
		return Databases.detect(connection).dialect();
	}

	/**
	 * The dialect for a JDBC URL, for offline SQL ({@link Databases#fromUrl(String)}).
	 * @throws RetortException {@link CoreErrorCode#UNSUPPORTED_BY_DIALECT} for any other URL
	 */
	public static SqlDialect fromUrl(String jdbcUrl) {
		return Databases.fromUrl(jdbcUrl).dialect();
	}

	/**
	 * The dialect with a configured name, case-insensitive ({@link Databases#byName(String)}).
	 * @throws RetortException {@link CoreErrorCode#UNSUPPORTED_BY_DIALECT} for any other name
	 */
	public static SqlDialect byName(String name) {
		return Databases.byName(name).dialect();
	}

	// ---------------------------------------------------------------- identity

	/** {@code postgresql}, {@code h2}, {@code mysql} or {@code mariadb}. */
	@Override
	public String name() {
		return this.name;
	}

	/**
	 * The {@code USING} expression converting a column's values when its type changes, or
	 * {@code null} when the database converts by itself (PostgreSQL needs {@code column::type} for
	 * conversions without an implicit cast).
	 * @param quotedColumn the column, quoted
	 * @param type the new type, as the catalog reports it
	 */
	public @Nullable String typeChangeUsing(String quotedColumn, String type) {
		return null;
	}

	/**
	 * Whether changing a column's type or nullability states the whole column again, default
	 * included (MySQL/MariaDB {@code MODIFY COLUMN}), so a change must say the default it keeps.
	 */
	public boolean alterColumnRedefinesColumn() {
		return false;
	}

	/** Whether {@code CREATE INDEX} takes expressions as well as columns (PostgreSQL, SQLite). */
	public boolean expressionIndexes() {
		return false;
	}

	/** A renderer of the Operations DSL in this dialect. */
	public abstract SqlRenderer newRenderer();

	/** MySQL's lexical extras, for reading SQL text: backtick identifiers, backslash escapes, {@code #} comments. */
	public boolean mysqlLexicon() {
		return false;
	}

	/** PostgreSQL's lexical extras, for reading SQL text: dollar quotes, and {@code ??} for a literal {@code ?}. */
	public boolean postgresLexicon() {
		return false;
	}

	/** How the database stores unquoted identifiers. */
	public IdentifierCase identifierCase() {
		return this.identifierCase;
	}

	/**
	 * Whether DDL takes part in transactions: PostgreSQL yes; H2, MySQL and MariaDB no (a DDL
	 * statement commits the open transaction, so a failed revision leaves its earlier DDL applied).
	 */
	public abstract boolean transactionalDdl();

	/**
	 * Whether the driver sends a JDBC batch of statements in one round trip (pgjdbc does), so that
	 * running a revision's statements as a batch saves the server and the client a wait per statement.
	 */
	public boolean pipelinesStatementBatches() {
		return false;
	}

	// ---------------------------------------------------------------- identifiers

	/** The validator with this dialect's length limit. */
	public IdentifierValidator validator() {
		return this.validator;
	}

	/**
	 * The name as the database stores it: a name written entirely in lower case is folded to the
	 * database's case for unquoted names; any other name is kept. Use it with {@code DatabaseMetaData}.
	 */
	public String storedName(String identifier) {
		if (!identifier.equals(identifier.toLowerCase(Locale.ROOT))) {
			return identifier;
		}
		return switch (this.identifierCase) {
			case UPPER -> identifier.toUpperCase(Locale.ROOT);
			case LOWER, AS_IS -> identifier;
		};
	}

	/**
	 * Validates and quotes one identifier.
	 * @param identifier the identifier
	 * @param origin where it came from, named in the error (e.g. {@code "retort.version-table"})
	 * @throws RetortException {@link CoreErrorCode#INVALID_IDENTIFIER}
	 */
	public String quote(@Nullable String identifier, String origin) {
		String valid = this.validator.validate(identifier, origin);
		char q = quoteChar();
		return q + storedName(valid) + q;
	}

	/** Validates and quotes a possibly schema-qualified name ({@code "s"."t"}). */
	public String quote(QualifiedName name, String origin) {
		String quotedName = quote(name.name(), origin);
		return (name.schema() != null) ? quote(name.schema(), origin + " (schema)") + "." + quotedName : quotedName;
	}

	/** Validates and quotes several identifiers, comma-separated. */
	public String quoteAll(List<String> identifiers, String origin) {
		return identifiers.stream().map(i -> quote(i, origin)).collect(Collectors.joining(", "));
	}

	/** The identifier quote: the SQL standard's double quote unless the database differs (MySQL). */
	protected char quoteChar() {
		return '"';
	}

	// ---------------------------------------------------------------- types and literals

	/** The SQL name of a neutral type in this dialect. */
	public String typeName(SqlType type) {
		return switch (type.kind()) {
			case SMALLINT -> "SMALLINT";
			case INTEGER -> "INTEGER";
			case BIGINT -> "BIGINT";
			case DECIMAL -> "DECIMAL(" + type.length() + ", " + type.scale() + ")";
			case REAL -> "REAL";
			case DOUBLE -> "DOUBLE PRECISION";
			case BOOLEAN -> "BOOLEAN";
			case CHAR -> "CHAR(" + type.length() + ")";
			case VARCHAR -> "VARCHAR(" + type.length() + ")";
			case TEXT -> "TEXT";
			case DATE -> "DATE";
			case TIME -> "TIME";
			case TIMESTAMP -> "TIMESTAMP";
			case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
			case UUID -> "UUID";
			case VARBINARY -> "VARBINARY(" + type.length() + ")";
			case BLOB -> "BLOB";
			case JSON -> "JSON";
			case RAW -> String.valueOf(type.rawSql());
		};
	}

	/** The clause that makes an integer column take generated values. */
	public abstract String identityClause();

	/**
	 * A SQL literal for a value, for offline scripts: strings quoted and escaped, numbers, booleans,
	 * {@code java.time} values, UUIDs, byte arrays, enums (by name) and {@code null}.
	 * @throws RetortException {@link CoreErrorCode#UNSUPPORTED_BY_DIALECT} for other types
	 */
	public String literal(@Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
			return stringLiteral(value.toString());
		}
		if (value instanceof Enum<?> e) {
			return stringLiteral(e.name());
		}
		if (value instanceof Boolean b) {
			return b ? "TRUE" : "FALSE";
		}
		if (value instanceof BigDecimal d) {
			return d.toPlainString();
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			return value.toString();
		}
		if (value instanceof Double || value instanceof Float) {
			double d = ((Number) value).doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT,
						"Cannot write " + value + " as a SQL literal");
			}
			return BigDecimal.valueOf(d).toPlainString();
		}
		if (value instanceof java.sql.Timestamp t) {
			return literal(t.toLocalDateTime());
		}
		if (value instanceof java.sql.Date d) {
			return literal(d.toLocalDate());
		}
		if (value instanceof java.sql.Time t) {
			return literal(t.toLocalTime());
		}
		if (value instanceof LocalDate d) {
			return "DATE '" + d + "'";
		}
		if (value instanceof LocalTime t) {
			return "TIME '" + t + "'";
		}
		if (value instanceof LocalDateTime t) {
			return "TIMESTAMP '" + TIMESTAMP.format(t) + "'";
		}
		if (value instanceof Instant i) {
			return literal(i.atOffset(ZoneOffset.UTC));
		}
		if (value instanceof ZonedDateTime z) {
			return literal(z.toOffsetDateTime());
		}
		if (value instanceof OffsetDateTime o) {
			return offsetDateTimeLiteral(o);
		}
		if (value instanceof byte[] bytes) {
			return binaryLiteral(HexFormat.of().withUpperCase().formatHex(bytes));
		}
		throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT, "Cannot write a value of type "
				+ value.getClass().getName() + " as a SQL literal for offline SQL");
	}

	/** A quoted string literal. */
	protected String stringLiteral(String value) {
		if (value.indexOf('\0') >= 0) {
			throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT,
					"A string literal cannot contain the NUL character");
		}
		return "'" + value.replace("'", "''") + "'";
	}

	/** A timestamp-with-zone literal. */
	protected String offsetDateTimeLiteral(OffsetDateTime value) {
		return "TIMESTAMP WITH TIME ZONE '" + TIMESTAMP_TZ.format(value) + "'";
	}

	/** A binary literal from upper-case hex digits. */
	protected String binaryLiteral(String hex) {
		return "X'" + hex + "'";
	}

	// ---------------------------------------------------------------- offline scripts

	/** The statement that opens a transaction in an offline script. */
	public String beginTransactionSql() {
		return "BEGIN";
	}

	/** The statement that commits a transaction in an offline script. */
	public String commitSql() {
		return "COMMIT";
	}

	/** What ends a statement in an offline script. */
	public String statementTerminator() {
		return ";";
	}

	// ---------------------------------------------------------------- version and history tables

	/** {@code CREATE TABLE t (version_num VARCHAR(32) NOT NULL PRIMARY KEY)}. */
	public String createVersionTableSql(QualifiedName table) {
		return "CREATE TABLE " + quote(table, "version table") + " (" + col("version_num")
				+ " VARCHAR(32) NOT NULL PRIMARY KEY)";
	}

	/**
	 * The history table: {@code id} (generated primary key), {@code revision}, {@code direction},
	 * {@code checksum}, {@code started_at}, {@code duration_ms}, {@code outcome}, {@code actor},
	 * {@code heads_before}, {@code heads_after}, {@code error}, and for {@code running} rows
	 * {@code host}, {@code process_id}, {@code statement_index} (added to older tables on first use).
	 */
	public String createHistoryTableSql(QualifiedName table) {
		return "CREATE TABLE " + quote(table, "history table") + " (" //
				+ col("id") + " BIGINT " + identityClause() + " NOT NULL PRIMARY KEY, " //
				+ col("revision") + " VARCHAR(255) NOT NULL, " //
				+ col("direction") + " VARCHAR(16) NOT NULL, " //
				+ col("checksum") + " VARCHAR(64) NULL, " //
				+ col("started_at") + " " + typeName(SqlType.timestamp()) + " NOT NULL, " //
				+ col("duration_ms") + " BIGINT NOT NULL, " //
				+ col("outcome") + " VARCHAR(16) NOT NULL, " //
				+ col("actor") + " VARCHAR(255) NULL, " //
				+ col("heads_before") + " VARCHAR(1024) NULL, " //
				+ col("heads_after") + " VARCHAR(1024) NULL, " //
				+ col("error") + " " + typeName(SqlType.text()) + " NULL, " //
				+ col("host") + " VARCHAR(255) NULL, " //
				+ col("process_id") + " BIGINT NULL, " //
				+ col("statement_index") + " INT NULL)";
	}

	/** {@code SELECT version_num FROM t}. */
	public String selectVersionsSql(QualifiedName table) {
		return "SELECT " + col("version_num") + " FROM " + quote(table, "version table");
	}

	/** {@code INSERT INTO t (version_num) VALUES (?)}. */
	public String insertVersionSql(QualifiedName table) {
		return "INSERT INTO " + quote(table, "version table") + " (" + col("version_num") + ") VALUES (?)";
	}

	/** {@code UPDATE t SET version_num = ? WHERE version_num = ?} (new, then old). */
	public String updateVersionSql(QualifiedName table) {
		return "UPDATE " + quote(table, "version table") + " SET " + col("version_num") + " = ? WHERE "
				+ col("version_num") + " = ?";
	}

	/** {@code DELETE FROM t WHERE version_num = ?}. */
	public String deleteVersionSql(QualifiedName table) {
		return "DELETE FROM " + quote(table, "version table") + " WHERE " + col("version_num") + " = ?";
	}

	/** {@code DELETE FROM t} (stamp with purge). */
	public String deleteAllVersionsSql(QualifiedName table) {
		return "DELETE FROM " + quote(table, "version table");
	}

	/** An {@code INSERT} into the history table binding {@link #HISTORY_INSERT_COLUMNS} in order. */
	public String insertHistorySql(QualifiedName table) {
		String params = HISTORY_INSERT_COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "));
		return "INSERT INTO " + quote(table, "history table") + " (" + quoteAll(HISTORY_INSERT_COLUMNS, "history")
				+ ") VALUES (" + params + ")";
	}

	/** {@code SELECT id, <HISTORY_INSERT_COLUMNS> FROM t ORDER BY id DESC} (newest first). */
	public String selectHistorySql(QualifiedName table) {
		return "SELECT " + col("id") + ", " + quoteAll(HISTORY_INSERT_COLUMNS, "history") + " FROM "
				+ quote(table, "history table") + " ORDER BY " + col("id") + " DESC";
	}

	private String col(String name) {
		return quote(name, "column");
	}

	/**
	 * Whether a table (or view) exists, by its exact stored name ({@link #storedName}); without a
	 * schema, in the connection's current schema.
	 * @throws RetortException {@link CoreErrorCode#DATABASE_ERROR} if the database cannot be asked
	 */
	public boolean tableExists(Connection connection, QualifiedName table) {
		this.validator.validate(table.name(), "table name");
		if (table.schema() != null) {
			this.validator.validate(table.schema(), "schema name");
		}
		String name = storedName(table.name());
		try {
			String schema = (table.schema() != null) ? storedName(table.schema()) : currentSchema(connection);
			DatabaseMetaData metaData = connection.getMetaData();
			String escape = metaData.getSearchStringEscape();
			try (ResultSet rs = metaData.getTables(null, (schema != null) ? escapePattern(schema, escape) : null,
					escapePattern(name, escape), null)) {
				while (rs.next()) {
					if (name.equals(rs.getString("TABLE_NAME"))
							&& (schema == null || schema.equals(rs.getString("TABLE_SCHEM")))) {
						return true;
					}
				}
				return false;
			}
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot check whether table " + table + " exists: " + ex.getMessage(), ex);
		}
	}

	// ---------------------------------------------------------------- schemas ({@code create-schemas})

	/**
	 * Whether a schema exists, by its stored name ({@link #storedName}).
	 * @throws RetortException {@link CoreErrorCode#DATABASE_ERROR} if the database cannot be asked
	 */
	public boolean schemaExists(Connection connection, String schema) {
		this.validator.validate(schema, "schema name");
		return !names(connection, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?",
				storedName(schema), "Cannot check whether schema " + schema + " exists").isEmpty();
	}

	/** The statement that creates a schema if it is missing; {@code quoted} is already quoted. */
	public String createSchemaSql(String quoted) {
		return "CREATE SCHEMA IF NOT EXISTS " + quoted;
	}

	/**
	 * The statement that drops an empty schema; where the engine supports it, it refuses a schema that
	 * still holds anything (the SQL standard's {@code RESTRICT}).
	 */
	public String dropSchemaSql(String quoted) {
		return "DROP SCHEMA " + quoted + " RESTRICT";
	}

	/**
	 * The tables, views and routines in a schema (by stored name), so that a schema is dropped only
	 * when nothing but Retort's own tables is in it.
	 * @throws RetortException {@link CoreErrorCode#DATABASE_ERROR} if the database cannot be asked
	 */
	public List<String> schemaObjects(Connection connection, String schema) {
		this.validator.validate(schema, "schema name");
		String stored = storedName(schema);
		List<String> objects = new java.util.ArrayList<>(names(connection,
				"SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?", stored,
				"Cannot list the tables of schema " + schema));
		objects.addAll(names(connection, "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ?",
				stored, "Cannot list the routines of schema " + schema));
		return objects;
	}

	/** The first column of a one-parameter query's rows. */
	protected static List<String> names(Connection connection, String sql, String parameter, String failure) {
		List<String> names = new java.util.ArrayList<>();
		try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
			return names;
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, failure + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether a failed statement failed because a table does not exist (PostgreSQL 42P01, MySQL
	 * 42S02 and 1146, H2 42S02/42S04 and 42102); engines whose drivers say it otherwise override it.
	 */
	public boolean isMissingTable(SQLException ex) {
		String state = ex.getSQLState();
		return "42P01".equals(state) || "42S02".equals(state) || "42S04".equals(state) || ex.getErrorCode() == 42102
				|| ex.getErrorCode() == 1146;
	}

	/**
	 * Whether a failed statement broke a primary key or unique constraint (SQLState class 23);
	 * engines whose drivers say it otherwise override it.
	 */
	public boolean isDuplicateKey(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && state.startsWith("23");
	}

	/** The connection's current schema as stored, or {@code null} if the driver cannot tell. */
	protected @Nullable String currentSchema(Connection connection) throws SQLException {
		return connection.getSchema();
	}

	private static String escapePattern(String value, @Nullable String escape) {
		if (escape == null || escape.isEmpty()) {
			return value;
		}
		return value.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
	}

	@Override
	public String toString() {
		return name();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof SqlDialect d && d.getClass() == getClass() && d.name.equals(this.name)
				&& d.identifierCase == this.identifierCase;
	}

	@Override
	public int hashCode() {
		return this.name.hashCode() * 31 + this.identifierCase.hashCode();
	}
}
