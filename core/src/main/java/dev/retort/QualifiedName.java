package dev.retort;

import org.jspecify.annotations.Nullable;

/**
 * A possibly schema-qualified object name, such as {@code public.users}. The parts are not
 * validated here; {@link Dialect#quote(QualifiedName, String)} validates and quotes them.
 *
 * @param schema the schema, or {@code null} for the connection's current schema
 * @param name the object name
 */
public record QualifiedName(@Nullable String schema, String name) {

	/** A name in the given schema ({@code null} or blank: the current schema). */
	public static QualifiedName of(@Nullable String schema, String name) {
		return new QualifiedName((schema == null || schema.isEmpty()) ? null : schema, name);
	}

	/** An unqualified name. */
	public static QualifiedName of(String name) {
		return new QualifiedName(null, name);
	}

	/**
	 * Parses {@code name} or {@code schema.name}. Identifiers never contain a dot (the validator
	 * rejects it), so the first dot separates the schema; a second dot is left in the name and
	 * rejected when the name is quoted.
	 */
	public static QualifiedName parse(String text) {
		int dot = text.indexOf('.');
		if (dot < 0) {
			return new QualifiedName(null, text);
		}
		return new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
	}

	/** This name with the schema replaced, unless {@code schema} is {@code null}. */
	public QualifiedName withSchemaIfAbsent(@Nullable String schema) {
		return (this.schema != null || schema == null) ? this : new QualifiedName(schema, this.name);
	}

	/** The same schema with another name (an index or a renamed table next to this one). */
	public QualifiedName sibling(String name) {
		return new QualifiedName(this.schema, name);
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}
}
