package dev.retort.internal.catalog;

/** A schema-level object a column can depend on: a PostgreSQL sequence or enum type. */
public sealed interface SchemaType permits SequenceSnapshot, EnumTypeSnapshot {

	/** The name as stored. */
	String name();

	/** One line describing it. */
	String describe();
}
