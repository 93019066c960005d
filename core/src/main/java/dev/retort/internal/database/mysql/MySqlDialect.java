package dev.retort.internal.database.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.retort.CoreErrorCode;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SqlType;
import dev.retort.internal.database.IdentifierCase;
import dev.retort.internal.database.IdentifierValidator;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.database.SqlRenderer;

/**
 * MySQL 8 and MariaDB 10.5 or later. DDL is not transactional (each DDL statement commits), a
 * schema is a database, identifiers are quoted with backticks and limited to 64 characters.
 */
public final class MySqlDialect extends SqlDialect {

	/** MySQL's and MariaDB's identifier length limit. */
	public static final int MAX_IDENTIFIER_LENGTH = 64;

	public MySqlDialect(boolean mariadb) {
		super(mariadb ? "mariadb" : "mysql", IdentifierCase.AS_IS,
				new IdentifierValidator(MAX_IDENTIFIER_LENGTH, mariadb ? "MariaDB" : "MySQL", false));
	}

	/** Whether this is MariaDB rather than MySQL. */
	public boolean mariadb() {
		return name().equals("mariadb");
	}

	@Override
	public boolean alterColumnRedefinesColumn() {
		return true;
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public boolean mysqlLexicon() {
		return true;
	}

	@Override
	protected char quoteChar() {
		return '`';
	}

	@Override
	public String typeName(SqlType type) {
		return switch (type.kind()) {
			case DOUBLE -> "DOUBLE";
			case REAL -> "FLOAT";
			case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> "DATETIME(6)";
			case TIME -> "TIME(6)";
			case UUID -> "CHAR(36)";
			case BLOB -> "LONGBLOB";
			case TEXT -> "LONGTEXT";
			default -> super.typeName(type);
		};
	}

	@Override
	public SqlRenderer newRenderer() {
		return new MySqlSqlRenderer(this);
	}

	@Override
	public String identityClause() {
		return "AUTO_INCREMENT";
	}

	@Override
	public String createHistoryTableSql(QualifiedName table) {
		// AUTO_INCREMENT goes after NOT NULL in MySQL's column grammar.
		return super.createHistoryTableSql(table).replace(" BIGINT AUTO_INCREMENT NOT NULL PRIMARY KEY",
				" BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
	}

	/** Backslash is an escape character in MySQL strings unless {@code NO_BACKSLASH_ESCAPES} is set. */
	@Override
	protected String stringLiteral(String value) {
		return super.stringLiteral(value.replace("\\", "\\\\"));
	}

	/** MySQL has no zoned timestamp: the value is written in UTC. */
	@Override
	protected String offsetDateTimeLiteral(OffsetDateTime value) {
		return literal(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
	}

	@Override
	public String beginTransactionSql() {
		return "START TRANSACTION";
	}

	/** MySQL's catalogs are its schemas; information_schema answers without driver settings. */
	@Override
	public boolean tableExists(Connection connection, QualifiedName table) {
		validator().validate(table.name(), "table name");
		if (table.schema() != null) {
			validator().validate(table.schema(), "schema name");
		}
		String sql = "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())"
				+ " AND TABLE_NAME = ?";
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setString(1, table.schema());
			ps.setString(2, table.name());
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next();
			}
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot check whether table " + table + " exists: " + ex.getMessage(), ex);
		}
	}

	/** A MySQL schema is a database; {@code DROP DATABASE} has no {@code RESTRICT}, so callers check it is empty first. */
	@Override
	public String dropSchemaSql(String quoted) {
		return "DROP DATABASE " + quoted;
	}
}
