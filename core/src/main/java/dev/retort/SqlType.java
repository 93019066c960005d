package dev.retort;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A dialect-neutral column type. Each {@link Dialect} renders it with {@link Dialect#typeName(SqlType)};
 * {@link #raw(String)} passes a database-specific type through unchanged.
 *
 * @param kind the neutral kind
 * @param length length for {@code VARCHAR}/{@code CHAR}/{@code VARBINARY}, precision for
 * {@code DECIMAL}, else 0
 * @param scale scale for {@code DECIMAL}, else 0
 * @param rawSql the SQL text of a {@link Kind#RAW} type, else {@code null}
 */
public record SqlType(Kind kind, int length, int scale, @Nullable String rawSql) {

	/** Letters, digits, spaces, {@code ( ) , _ [ ] ' .}: enough for any type name, never a statement. */
	private static final Pattern RAW_TYPE = Pattern.compile("[\\p{L}\\p{N} (),_\\[\\]'.]+");

	/** The neutral kinds. */
	public enum Kind {
		/** 16-bit integer. */
		SMALLINT,
		/** 32-bit integer. */
		INTEGER,
		/** 64-bit integer. */
		BIGINT,
		/** Exact decimal with precision and scale. */
		DECIMAL,
		/** 32-bit floating point. */
		REAL,
		/** 64-bit floating point. */
		DOUBLE,
		/** True/false. */
		BOOLEAN,
		/** Fixed-length text. */
		CHAR,
		/** Variable-length text up to a length. */
		VARCHAR,
		/** Unbounded text. */
		TEXT,
		/** Calendar date. */
		DATE,
		/** Time of day. */
		TIME,
		/** Date and time without zone. */
		TIMESTAMP,
		/** Date and time with zone (MySQL/MariaDB: stored as {@code DATETIME(6)}, zone dropped). */
		TIMESTAMP_WITH_TIME_ZONE,
		/** UUID (MySQL/MariaDB: {@code CHAR(36)}). */
		UUID,
		/** Variable-length binary up to a length. */
		VARBINARY,
		/** Unbounded binary. */
		BLOB,
		/** JSON document (PostgreSQL {@code JSONB}). */
		JSON,
		/** A database-specific type given as SQL text. */
		RAW
	}

	public SqlType {
		boolean sized = kind == Kind.CHAR || kind == Kind.VARCHAR || kind == Kind.VARBINARY || kind == Kind.DECIMAL;
		if ((sized && length <= 0) || length < 0 || scale < 0 || (kind == Kind.DECIMAL && scale > length)
				|| (kind == Kind.RAW) != (rawSql != null)) {
			throw new RetortException(CoreErrorCode.INVALID_OPERATION, "Invalid column type " + kind + " (length "
					+ length + ", scale " + scale + ", raw " + rawSql + ")");
		}
	}

	public static SqlType smallint() {
		return of(Kind.SMALLINT);
	}

	public static SqlType integer() {
		return of(Kind.INTEGER);
	}

	public static SqlType bigint() {
		return of(Kind.BIGINT);
	}

	/** {@code DECIMAL(precision, scale)}. */
	public static SqlType decimal(int precision, int scale) {
		return new SqlType(Kind.DECIMAL, precision, scale, null);
	}

	public static SqlType real() {
		return of(Kind.REAL);
	}

	public static SqlType doublePrecision() {
		return of(Kind.DOUBLE);
	}

	public static SqlType bool() {
		return of(Kind.BOOLEAN);
	}

	/** {@code CHAR(length)}. */
	public static SqlType charType(int length) {
		return new SqlType(Kind.CHAR, length, 0, null);
	}

	/** {@code VARCHAR(length)}. */
	public static SqlType varchar(int length) {
		return new SqlType(Kind.VARCHAR, length, 0, null);
	}

	/** Unbounded text: PostgreSQL/MySQL {@code TEXT}, H2 {@code CLOB}. */
	public static SqlType text() {
		return of(Kind.TEXT);
	}

	public static SqlType date() {
		return of(Kind.DATE);
	}

	public static SqlType time() {
		return of(Kind.TIME);
	}

	/** Date and time without zone (MySQL/MariaDB: {@code DATETIME(6)}). */
	public static SqlType timestamp() {
		return of(Kind.TIMESTAMP);
	}

	public static SqlType timestampWithTimeZone() {
		return of(Kind.TIMESTAMP_WITH_TIME_ZONE);
	}

	public static SqlType uuid() {
		return of(Kind.UUID);
	}

	/** {@code VARBINARY(length)} (PostgreSQL: {@code BYTEA}). */
	public static SqlType varbinary(int length) {
		return new SqlType(Kind.VARBINARY, length, 0, null);
	}

	/** Unbounded binary: PostgreSQL {@code BYTEA}, H2 {@code BLOB}, MySQL {@code LONGBLOB}. */
	public static SqlType blob() {
		return of(Kind.BLOB);
	}

	public static SqlType json() {
		return of(Kind.JSON);
	}

	/**
	 * A database-specific type, rendered as given (e.g. {@code "INET"}, {@code "TEXT[]"},
	 * {@code "ENUM('a','b')"}). It may hold letters, digits, spaces and {@code ( ) , _ [ ] ' .} only.
	 */
	public static SqlType raw(String sql) {
		if (sql.isBlank() || !RAW_TYPE.matcher(sql).matches() || sql.contains("--")) {
			throw new RetortException(CoreErrorCode.INVALID_IDENTIFIER, "Invalid column type \"" + sql
					+ "\": a raw type may hold letters, digits, spaces and ( ) , _ [ ] ' . only");
		}
		return new SqlType(Kind.RAW, 0, 0, sql.strip());
	}

	private static SqlType of(Kind kind) {
		return new SqlType(kind, 0, 0, null);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case RAW -> String.valueOf(this.rawSql);
			case CHAR, VARCHAR, VARBINARY -> this.kind + "(" + this.length + ")";
			case DECIMAL -> "DECIMAL(" + this.length + ", " + this.scale + ")";
			default -> this.kind.name();
		};
	}
}
