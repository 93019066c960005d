package dev.retort;

import org.jspecify.annotations.Nullable;

import dev.retort.internal.database.SqlRenderer;

/**
 * One schema change, as {@link SqlRenderer} takes it. {@link Index} and {@link AlterColumn} are
 * operations themselves; the others are the records nested here.
 */
public sealed interface SchemaOperation permits Index, AlterColumn, SchemaOperation.CreateTable,
		SchemaOperation.DropTable, SchemaOperation.RenameTable, SchemaOperation.AddColumn, SchemaOperation.DropColumn,
		SchemaOperation.DropIndex, SchemaOperation.AddConstraint, SchemaOperation.DropConstraint {

	/**
	 * {@code CREATE TABLE}.
	 * @param table the table
	 */
	record CreateTable(Table table) implements SchemaOperation {
	}

	/**
	 * {@code DROP TABLE}.
	 * @param table the table
	 */
	record DropTable(QualifiedName table) implements SchemaOperation {
	}

	/**
	 * Renames a table within its schema.
	 * @param table the table
	 * @param newName the new name
	 */
	record RenameTable(QualifiedName table, String newName) implements SchemaOperation {
	}

	/**
	 * {@code ALTER TABLE ... ADD COLUMN}.
	 * @param table the table
	 * @param column the column
	 */
	record AddColumn(QualifiedName table, Column column) implements SchemaOperation {
	}

	/**
	 * {@code ALTER TABLE ... DROP COLUMN}.
	 * @param table the table
	 * @param column the column name
	 */
	record DropColumn(QualifiedName table, String column) implements SchemaOperation {
	}

	/**
	 * {@code DROP INDEX}.
	 * @param index the index, qualified with its schema if any
	 * @param table the table (MySQL/MariaDB need it), or {@code null}
	 */
	record DropIndex(QualifiedName index, @Nullable QualifiedName table) implements SchemaOperation {
	}

	/**
	 * {@code ALTER TABLE ... ADD CONSTRAINT}: a named primary key, unique, check or foreign key.
	 * @param table the table
	 * @param constraint the constraint (not a column)
	 */
	record AddConstraint(QualifiedName table, TableElement constraint) implements SchemaOperation {

		public AddConstraint {
			if (constraint instanceof Column) {
				throw Checks.invalid("A column is not a constraint; use addColumn");
			}
		}
	}

	/**
	 * {@code ALTER TABLE ... DROP CONSTRAINT}.
	 * @param table the table
	 * @param name the constraint name
	 * @param type the kind (MySQL/MariaDB need it offline), or {@code null}
	 */
	record DropConstraint(QualifiedName table, String name, @Nullable ConstraintType type) implements SchemaOperation {
	}
}
