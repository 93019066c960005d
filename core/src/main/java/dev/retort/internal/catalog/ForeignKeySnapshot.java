package dev.retort.internal.catalog;

import java.util.List;

import dev.retort.ReferentialAction;

/**
 * A foreign key.
 *
 * @param name the constraint name
 * @param generatedName whether the engine or Hibernate generated the name
 * @param columns the referencing columns, in order
 * @param referencedTable the referenced table (schema-qualified only when in another schema)
 * @param referencedColumns the referenced columns, in order
 * @param onDelete the action on delete
 * @param onUpdate the action on update
 * @param ownIndex MariaDB/MySQL: the engine made an index of the key's name for it, which outlives
 * the key and must be dropped with it
 */
public record ForeignKeySnapshot(String name, boolean generatedName, List<String> columns, String referencedTable,
		List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate, boolean ownIndex)
		implements TableObject {

	public ForeignKeySnapshot {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
	}

	@Override
	public String signature() {
		return "(" + String.join(", ", this.columns) + ") REFERENCES " + this.referencedTable + " ("
				+ String.join(", ", this.referencedColumns) + ") ON DELETE " + this.onDelete.sql() + " ON UPDATE "
				+ this.onUpdate.sql();
	}

	@Override
	public String kind() {
		return "foreign key";
	}

	@Override
	public ForeignKeySnapshot renamed(String newName) {
		return new ForeignKeySnapshot(newName, false, this.columns, this.referencedTable, this.referencedColumns,
				this.onDelete, this.onUpdate, this.ownIndex);
	}
}
