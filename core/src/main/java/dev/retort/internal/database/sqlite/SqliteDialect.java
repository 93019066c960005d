package dev.retort.internal.database.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SqlType;
import dev.retort.internal.database.IdentifierCase;
import dev.retort.internal.database.IdentifierValidator;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.database.SqlRenderer;

/**
 * SQLite 3.35+: names kept as written (SQLite compares them without regard to ASCII case),
 * transactional DDL, a schema being an attached database ({@code main} by default). Types are
 * affinities, so the neutral types keep their usual names except where a name would give the wrong
 * affinity; date and time literals are ISO text, as SQLite's date functions expect.
 */
final class SqliteDialect extends SqlDialect {

	/** SQLite has no identifier length limit; this keeps names readable in messages. */
	public static final int MAX_IDENTIFIER_LENGTH = 1024;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private static final DateTimeFormatter TIMESTAMP_TZ = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxx");

	public SqliteDialect() {
		super("sqlite", IdentifierCase.AS_IS, new IdentifierValidator(MAX_IDENTIFIER_LENGTH, "SQLite", false));
	}

	/** SQLite rolls back DDL with its transaction. */
	@Override
	public boolean expressionIndexes() {
		return true;
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	public SqlRenderer newRenderer() {
		return new SqliteSqlRenderer(this);
	}

	@Override
	public String typeName(SqlType type) {
		return switch (type.kind()) {
			// "UUID" and "JSON" would get NUMERIC affinity; TEXT keeps the values as written.
			case UUID -> "VARCHAR(36)";
			case JSON -> "TEXT";
			// SQLite's own name for the affinity (SQLAlchemy writes it so too).
			case DECIMAL -> "NUMERIC(" + type.length() + ", " + type.scale() + ")";
			default -> super.typeName(type);
		};
	}

	/** Only an {@code INTEGER PRIMARY KEY} column generates values ({@link SqliteSqlRenderer}). */
	@Override
	public String identityClause() {
		return "AUTOINCREMENT";
	}

	@Override
	public String literal(@Nullable Object value) {
		if (value instanceof java.sql.Timestamp t) {
			return literal(t.toLocalDateTime());
		}
		if (value instanceof java.sql.Date d) {
			return literal(d.toLocalDate());
		}
		if (value instanceof java.sql.Time t) {
			return literal(t.toLocalTime());
		}
		if (value instanceof LocalDate || value instanceof LocalTime) {
			return stringLiteral(value.toString());
		}
		if (value instanceof LocalDateTime t) {
			return stringLiteral(TIMESTAMP.format(t));
		}
		return super.literal(value);
	}

	@Override
	protected String offsetDateTimeLiteral(OffsetDateTime value) {
		return stringLiteral(TIMESTAMP_TZ.format(value));
	}

	/** The id is the table's rowid ({@code INTEGER PRIMARY KEY}), which SQLite fills in. */
	@Override
	public String createHistoryTableSql(QualifiedName table) {
		String standard = super.createHistoryTableSql(table);
		String id = quote("id", "column") + " BIGINT " + identityClause() + " NOT NULL PRIMARY KEY";
		return standard.replace(id, quote("id", "column") + " INTEGER PRIMARY KEY AUTOINCREMENT");
	}

	/** Asks the schema's {@code sqlite_master}: SQLite's driver reports no schema for tables. */
	@Override
	public boolean tableExists(Connection connection, QualifiedName table) {
		String master = master(table.schema());
		validator().validate(table.name(), "table name");
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT 1 FROM " + master + " WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE")) {
			select.setString(1, table.name());
			try (ResultSet rs = select.executeQuery()) {
				return rs.next();
			}
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot check whether table " + table + " exists: " + ex.getMessage(), ex);
		}
	}

	/** A SQLite schema is an attached database: {@code PRAGMA database_list} names them. */
	@Override
	public boolean schemaExists(Connection connection, String schema) {
		validator().validate(schema, "schema name");
		return !names(connection, "SELECT name FROM pragma_database_list WHERE name = ? COLLATE NOCASE", schema,
				"Cannot check whether schema " + schema + " exists").isEmpty();
	}

	/** SQLite cannot create a schema by statement: it is a database file that must be attached. */
	@Override
	public String createSchemaSql(String quoted) {
		throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT, "Cannot create schema " + quoted
				+ " on SQLite: a SQLite schema is an attached database file, not something CREATE SCHEMA makes. ATTACH"
				+ " the file on the connection (or leave the schema unset to use the main database), and turn"
				+ " create-schemas off.");
	}

	/** SQLite's driver gives no SQLState: the error is {@code SQLITE_ERROR} (1) saying "no such table". */
	@Override
	public boolean isMissingTable(SQLException ex) {
		return ex.getErrorCode() == 1 && String.valueOf(ex.getMessage()).contains("no such table");
	}

	/**
	 * SQLite's driver gives no SQLState: a broken key is {@code SQLITE_CONSTRAINT} (19), or one of its
	 * extended codes ({@code SQLITE_CONSTRAINT_PRIMARYKEY} 1555, {@code _UNIQUE} 2067) when those are on.
	 */
	@Override
	public boolean isDuplicateKey(SQLException ex) {
		int code = ex.getErrorCode();
		return super.isDuplicateKey(ex) || code == 19 || code == 1555 || code == 2067;
	}

	/** The catalog table of a schema ({@code "s".sqlite_master}, or the main database's). */
	String master(@Nullable String schema) {
		return (schema != null) ? quote(schema, "schema name") + ".sqlite_master" : "sqlite_master";
	}
}
