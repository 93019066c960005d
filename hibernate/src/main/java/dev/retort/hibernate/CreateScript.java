package dev.retort.hibernate;

import java.util.List;
import java.util.Objects;

/**
 * The statements Hibernate emits to create the model's schema on one engine and version, in Hibernate's
 * order (schemas, sequences, tables, then constraints), without delimiters. The same model and target
 * always give the same list.
 *
 * @param target the engine and version the statements were written for
 * @param dialect the Hibernate dialect class that wrote them
 * @param statements the statements, each a complete SQL statement without a trailing delimiter
 */
public record CreateScript(DatabaseTarget target, String dialect, List<String> statements) {

	public CreateScript {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(dialect, "dialect");
		statements = List.copyOf(statements);
	}

	/** The script as text: each statement followed by {@code ;} and a line break. */
	public String toSql() {
		StringBuilder sql = new StringBuilder();
		for (String statement : this.statements) {
			sql.append(statement).append(";\n");
		}
		return sql.toString();
	}

}
