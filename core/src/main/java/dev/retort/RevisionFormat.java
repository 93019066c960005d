package dev.retort;

/** The kind of file {@link Retort#autogenerate} writes. */
public enum RevisionFormat {

	/** A SQL revision with {@code -- +upgrade} and {@code -- +downgrade} sections, for the scratch engine. */
	SQL,

	/** A Java {@link Migration} class annotated {@link Revision}, calling the {@link Operations} DSL. */
	JAVA
}
