package dev.retort.internal.autogen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.TableSnapshot;
import dev.retort.internal.catalog.UniqueSnapshot;

/**
 * JPA cannot say "unique index": Hibernate turns {@code @Index(unique = true)} and
 * {@code unique = true} into unique constraints. Where the revisions made a unique index (say with
 * {@code CREATE UNIQUE INDEX CONCURRENTLY}) and the entity a unique constraint over the same columns,
 * both enforce the same rule; the model's constraint is taken as that index, so check stays clean
 * and autogenerate does not rebuild it. Applied to generated (JPA) models only: a DDL model can say
 * either, and means what it says.
 */
final class UniqueIndexes {

	private UniqueIndexes() {
	}

	/** {@code wanted}, with each unique constraint the current schema has as a plain unique index taken as that index. */
	static SchemaSnapshot adopt(SchemaSnapshot current, SchemaSnapshot wanted) {
		List<TableSnapshot> tables = new ArrayList<>();
		for (TableSnapshot table : wanted.tables()) {
			Optional<TableSnapshot> existing = current.table(table.name());
			tables.add(existing.isPresent() ? adopt(existing.get(), table) : table);
		}
		return new SchemaSnapshot(tables, wanted.sequences(), wanted.enumTypes());
	}

	private static TableSnapshot adopt(TableSnapshot current, TableSnapshot wanted) {
		List<UniqueSnapshot> uniques = new ArrayList<>();
		List<IndexSnapshot> indexes = new ArrayList<>(wanted.indexes());
		for (UniqueSnapshot unique : wanted.uniques()) {
			boolean constraintThere = current.uniques().stream().anyMatch(u -> u.columns().equals(unique.columns()));
			Optional<IndexSnapshot> index = current.indexes()
				.stream()
				.filter(i -> i.unique() && i.where() == null && i.parts().equals(unique.columns()))
				.findFirst();
			if (!constraintThere && index.isPresent()
					&& indexes.stream().noneMatch(i -> i.name().equals(index.get().name()))) {
				indexes.add(index.get());
			}
			else {
				uniques.add(unique);
			}
		}
		return new TableSnapshot(wanted.name(), wanted.columns(), wanted.primaryKey(), uniques, wanted.checks(),
				indexes, wanted.foreignKeys());
	}
}
