package dev.retort.internal.schema;

import java.util.Map;

import dev.retort.DefaultValue;
import dev.retort.SqlType;
import dev.retort.internal.catalog.ColumnSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * How {@link ChangeApplier} hands a column's type and default to the {@link dev.retort.Operations} DSL.
 * {@link #AS_REPORTED}: the type as the engine reported it ({@link SqlType#raw(String)}) and the default
 * as an expression, which reads back exactly on that engine. A neutral form (a Java revision meant for
 * any engine) maps a reported type to a neutral {@link SqlType} and a default to a literal where that was
 * shown to read back the same on the scratch engine; what has no neutral form stays as reported.
 *
 * @param types neutral types by the type text the engine reports
 * @param defaults neutral defaults by {@link #defaultKey(ColumnSnapshot)}
 * @param neutral whether the forms are for any engine: a PostgreSQL {@code USING} clause is then only
 * given where the base type changes (a resize needs none, and other engines refuse the clause)
 */
public record ColumnForms(Map<String, SqlType> types, Map<String, DefaultValue> defaults, boolean neutral) {

	/** The engine's own spelling, for SQL revisions and the scratch engine. */
	public static final ColumnForms AS_REPORTED = new ColumnForms(Map.of(), Map.of(), false);

	public ColumnForms {
		types = Map.copyOf(types);
		defaults = Map.copyOf(defaults);
	}

	/** The type to pass to the DSL. */
	public SqlType type(ColumnSnapshot column) {
		SqlType neutralType = this.types.get(column.type());
		return (neutralType != null) ? neutralType : SqlType.raw(column.type());
	}

	/** The default to pass to the DSL, or {@code null} for none (an identity has none). */
	public @Nullable DefaultValue defaultValue(ColumnSnapshot column) {
		if (column.defaultExpression() == null || column.identity()) {
			return null;
		}
		DefaultValue neutralDefault = this.defaults.get(defaultKey(column));
		return (neutralDefault != null) ? neutralDefault : DefaultValue.expression(column.defaultExpression());
	}

	/** The key of a column's default: the same expression may mean another value under another type. */
	public static String defaultKey(ColumnSnapshot column) {
		return column.type() + "\u0000" + column.defaultExpression();
	}
}
