package dev.retort;

import org.jspecify.annotations.Nullable;

/**
 * A column's server default: either a value, written as an escaped literal, or a SQL expression
 * written as given (the equivalent of Alembic's {@code server_default=text(...)}).
 */
public sealed interface DefaultValue {

	/** A value such as {@code "active"}, {@code 0} or {@code true}, rendered as a literal. */
	static DefaultValue literal(@Nullable Object value) {
		return new Literal(value);
	}

	/** A SQL expression such as {@code CURRENT_TIMESTAMP}, rendered as given. */
	static DefaultValue expression(String sql) {
		return new Expression(Checks.notBlank(sql, "A default expression"));
	}

	/**
	 * A literal default.
	 * @param value the value
	 */
	record Literal(@Nullable Object value) implements DefaultValue {
	}

	/**
	 * An expression default.
	 * @param sql the expression
	 */
	record Expression(String sql) implements DefaultValue {
	}
}
