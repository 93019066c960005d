package dev.retort.internal.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A column as the engine reports it.
 *
 * @param name the column name, as stored
 * @param type the full type as the engine reports it, re-creatable on that engine
 * (PostgreSQL {@code character varying(120)}, MariaDB {@code varchar(120)}, H2
 * {@code CHARACTER VARYING(120)})
 * @param length the character or binary length, or {@code null}
 * @param precision the numeric or fractional-seconds precision, or {@code null}
 * @param scale the numeric scale, or {@code null}
 * @param nullable whether NULL is allowed
 * @param defaultExpression the default as the engine stores it, or {@code null}
 * @param identity whether the engine generates values (identity / {@code AUTO_INCREMENT})
 */
public record ColumnSnapshot(String name, String type, @Nullable Long length, @Nullable Integer precision,
		@Nullable Integer scale, boolean nullable, @Nullable String defaultExpression, boolean identity) {

	/** This column under another name. */
	public ColumnSnapshot withName(String newName) {
		return new ColumnSnapshot(newName, this.type, this.length, this.precision, this.scale, this.nullable,
				this.defaultExpression, this.identity);
	}

	/** Whether the two columns have the same type and nullability (the "possible rename" test). */
	public boolean sameShape(ColumnSnapshot other) {
		return this.type.equals(other.type) && this.nullable == other.nullable;
	}

	/** One line: {@code name type [NOT NULL] [DEFAULT x] [IDENTITY]}. */
	public String describe() {
		return this.name + " " + this.type + (this.nullable ? "" : " NOT NULL")
				+ ((this.defaultExpression != null) ? " DEFAULT " + this.defaultExpression : "")
				+ (this.identity ? " IDENTITY" : "");
	}
}
