package dev.retort.internal.catalog;

/**
 * A named object that belongs to one table: primary key, unique constraint, check constraint, index
 * or foreign key. Objects whose name the engine or Hibernate generated are matched by
 * {@link #signature()} instead of by name.
 */
public sealed interface TableObject
		permits PrimaryKeySnapshot, UniqueSnapshot, CheckSnapshot, IndexSnapshot, ForeignKeySnapshot {

	/** The name as stored. */
	String name();

	/** Whether the engine or Hibernate generated the name (so it means nothing to compare). */
	boolean generatedName();

	/** Everything but the name: two objects with equal signatures are the same object. */
	String signature();

	/** The kind, as a word of the change text ({@code primary key}, {@code index}, ...). */
	String kind();

	/** The same object under another name, which is no longer generated. */
	TableObject renamed(String newName);

	/** One line: kind, name and signature. */
	default String describe() {
		return kind() + " " + name() + (generatedName() ? " (generated name)" : "") + " " + signature();
	}
}
