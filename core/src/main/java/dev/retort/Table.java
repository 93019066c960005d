package dev.retort;

import java.util.List;


/**
 * A table to create: its name and its columns and constraints, in order.
 * <pre>{@code
 * Table.of("users",
 *     Column.of("id", SqlType.bigint()).primaryKey().autoincrement(),
 *     Column.of("email", SqlType.varchar(255)).notNull(),
 *     UniqueConstraint.of("email").named("uq_users_email"))
 *   .schema("accounts")
 * }</pre>
 *
 * @param name the table name
 * @param elements columns and constraints
 */
public record Table(QualifiedName name, List<TableElement> elements) {

	public Table {
		elements = List.copyOf(elements);
		if (elements.stream().noneMatch(Column.class::isInstance)) {
			throw Checks.invalid("Table " + name + " needs at least one column");
		}
	}

	/** A table; {@code name} may be {@code schema.table}. */
	public static Table of(String name, TableElement... elements) {
		return new Table(QualifiedName.parse(name), List.of(elements));
	}

	/** This table in a schema. */
	public Table schema(String schema) {
		return new Table(QualifiedName.of(schema, this.name.name()), this.elements);
	}
}
