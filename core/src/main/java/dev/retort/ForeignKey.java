package dev.retort;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A foreign key constraint. Immutable: each method returns a changed copy.
 * <pre>{@code
 * ForeignKey.of("user_id", "users", "id").named("fk_orders_user").onDelete(ReferentialAction.CASCADE)
 * }</pre>
 *
 * @param name the constraint name, or {@code null} to let the database name it (inside
 * {@code createTable} only)
 * @param columns the referencing columns
 * @param referencedTable the referenced table ({@code schema.table} or plain)
 * @param referencedColumns the referenced columns
 * @param onDelete the action on delete, or {@code null} for the database default
 * @param onUpdate the action on update, or {@code null} for the database default
 */
public record ForeignKey(@Nullable String name, List<String> columns, QualifiedName referencedTable,
		List<String> referencedColumns, @Nullable ReferentialAction onDelete,
		@Nullable ReferentialAction onUpdate) implements TableElement {

	public ForeignKey {
		columns = Checks.nonEmpty(columns, "A foreign key");
		referencedColumns = Checks.nonEmpty(referencedColumns, "A foreign key's referenced side");
		if (columns.size() != referencedColumns.size()) {
			throw Checks.invalid("Foreign key " + name + " has " + columns.size() + " columns but references "
					+ referencedColumns.size());
		}
	}

	/** A single-column foreign key; {@code referencedTable} may be {@code schema.table}. */
	public static ForeignKey of(String column, String referencedTable, String referencedColumn) {
		return of(List.of(column), referencedTable, List.of(referencedColumn));
	}

	/** A foreign key; {@code referencedTable} may be {@code schema.table}. */
	public static ForeignKey of(List<String> columns, String referencedTable, List<String> referencedColumns) {
		return new ForeignKey(null, columns, QualifiedName.parse(referencedTable), referencedColumns, null, null);
	}

	/** This key with a name. */
	public ForeignKey named(String name) {
		return new ForeignKey(name, this.columns, this.referencedTable, this.referencedColumns, this.onDelete,
				this.onUpdate);
	}

	/** The schema of the referenced table. */
	public ForeignKey referencedSchema(String schema) {
		return new ForeignKey(this.name, this.columns, QualifiedName.of(schema, this.referencedTable.name()),
				this.referencedColumns, this.onDelete, this.onUpdate);
	}

	/** {@code ON DELETE action}. */
	public ForeignKey onDelete(ReferentialAction action) {
		return new ForeignKey(this.name, this.columns, this.referencedTable, this.referencedColumns, action,
				this.onUpdate);
	}

	/** {@code ON UPDATE action}. */
	public ForeignKey onUpdate(ReferentialAction action) {
		return new ForeignKey(this.name, this.columns, this.referencedTable, this.referencedColumns, this.onDelete,
				action);
	}
}
