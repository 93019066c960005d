package dev.retort;

import org.jspecify.annotations.Nullable;

/**
 * Changes to one column: type, nullability, server default, name. Immutable: each method returns a
 * changed copy; nothing happens until it is passed to {@link dev.retort.Operations#alterColumn(AlterColumn)}.
 * <pre>{@code
 * op.alterColumn(AlterColumn.of("users", "email").type(SqlType.varchar(320)).nullable(false));
 * op.alterColumn(AlterColumn.of("users", "name").renameTo("full_name"));
 * }</pre>
 * MySQL and MariaDB redefine the whole column to change its type or nullability: online Retort
 * reads the current definition from {@code information_schema}; offline, say what is not changing
 * with {@link #existingType}, {@link #existingNullable} and {@link #existingServerDefault}.
 *
 * @param table the table
 * @param column the column's current name
 * @param type the new type, or {@code null} to keep it
 * @param nullable the new nullability, or {@code null} to keep it
 * @param serverDefault the new server default, or {@code null} to keep it
 * @param dropsServerDefault whether to remove the server default
 * @param newName the new name, or {@code null} to keep it
 * @param using PostgreSQL {@code USING} expression for the type change, or {@code null}
 * @param existingType the current type (MySQL/MariaDB offline), or {@code null}
 * @param existingNullable the current nullability (MySQL/MariaDB offline), or {@code null}
 * @param existingServerDefault the current server default (MySQL/MariaDB offline), or {@code null}
 * @param existingAutoincrement whether the column is {@code AUTO_INCREMENT} (MySQL/MariaDB offline)
 */
public record AlterColumn(QualifiedName table, String column, @Nullable SqlType type, @Nullable Boolean nullable,
		@Nullable DefaultValue serverDefault, boolean dropsServerDefault, @Nullable String newName,
		@Nullable String using, @Nullable SqlType existingType, @Nullable Boolean existingNullable,
		@Nullable DefaultValue existingServerDefault, boolean existingAutoincrement) implements SchemaOperation {

	public AlterColumn {
		if (serverDefault != null && dropsServerDefault) {
			throw Checks.invalid("alterColumn " + table + "." + column + " cannot both set and drop the default");
		}
		if (using != null && type == null) {
			throw Checks.invalid("alterColumn " + table + "." + column + ": using() needs a new type()");
		}
	}

	/** Alterations of a column; {@code table} may be {@code schema.table}. Add at least one change. */
	public static AlterColumn of(String table, String column) {
		return new AlterColumn(QualifiedName.parse(table), column, null, null, null, false, null, null, null, null,
				null, false);
	}

	/** Whether any change is asked. */
	public boolean changesSomething() {
		return this.type != null || this.nullable != null || this.serverDefault != null || this.dropsServerDefault
				|| this.newName != null;
	}

	/** The table's schema. */
	public AlterColumn schema(String schema) {
		return new AlterColumn(QualifiedName.of(schema, this.table.name()), this.column, this.type, this.nullable,
				this.serverDefault, this.dropsServerDefault, this.newName, this.using, this.existingType,
				this.existingNullable, this.existingServerDefault, this.existingAutoincrement);
	}

	/** Changes the type. */
	public AlterColumn type(SqlType type) {
		return new AlterColumn(this.table, this.column, type, this.nullable, this.serverDefault,
				this.dropsServerDefault, this.newName, this.using, this.existingType, this.existingNullable,
				this.existingServerDefault, this.existingAutoincrement);
	}

	/** PostgreSQL: how to convert existing values for the new type ({@code USING expr}). */
	public AlterColumn using(String expression) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, this.serverDefault,
				this.dropsServerDefault, this.newName, Checks.notBlank(expression, "using"), this.existingType,
				this.existingNullable, this.existingServerDefault, this.existingAutoincrement);
	}

	/** Sets or drops NOT NULL. */
	public AlterColumn nullable(boolean nullable) {
		return new AlterColumn(this.table, this.column, this.type, nullable, this.serverDefault,
				this.dropsServerDefault, this.newName, this.using, this.existingType, this.existingNullable,
				this.existingServerDefault, this.existingAutoincrement);
	}

	/** Sets the server default. */
	public AlterColumn serverDefault(DefaultValue value) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, value, false, this.newName,
				this.using, this.existingType, this.existingNullable, this.existingServerDefault,
				this.existingAutoincrement);
	}

	/** Sets the server default to a literal value. */
	public AlterColumn defaultValue(@Nullable Object value) {
		return serverDefault(DefaultValue.literal(value));
	}

	/** Sets the server default to a SQL expression. */
	public AlterColumn defaultExpression(String sql) {
		return serverDefault(DefaultValue.expression(sql));
	}

	/** Removes the server default. */
	public AlterColumn dropServerDefault() {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, null, true, this.newName,
				this.using, this.existingType, this.existingNullable, this.existingServerDefault,
				this.existingAutoincrement);
	}

	/** Renames the column (done after the other changes). */
	public AlterColumn renameTo(String newName) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, this.serverDefault,
				this.dropsServerDefault, newName, this.using, this.existingType, this.existingNullable,
				this.existingServerDefault, this.existingAutoincrement);
	}

	/** The column's current type (MySQL/MariaDB offline). */
	public AlterColumn existingType(SqlType type) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, this.serverDefault,
				this.dropsServerDefault, this.newName, this.using, type, this.existingNullable,
				this.existingServerDefault, this.existingAutoincrement);
	}

	/** The column's current nullability (MySQL/MariaDB offline). */
	public AlterColumn existingNullable(boolean nullable) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, this.serverDefault,
				this.dropsServerDefault, this.newName, this.using, this.existingType, nullable,
				this.existingServerDefault, this.existingAutoincrement);
	}

	/** The column's current server default (MySQL/MariaDB offline), so a redefinition keeps it. */
	public AlterColumn existingServerDefault(DefaultValue value) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, this.serverDefault,
				this.dropsServerDefault, this.newName, this.using, this.existingType, this.existingNullable, value,
				this.existingAutoincrement);
	}

	/** Whether the column is {@code AUTO_INCREMENT} (MySQL/MariaDB offline), so a redefinition keeps it. */
	public AlterColumn existingAutoincrement(boolean autoincrement) {
		return new AlterColumn(this.table, this.column, this.type, this.nullable, this.serverDefault,
				this.dropsServerDefault, this.newName, this.using, this.existingType, this.existingNullable,
				this.existingServerDefault, autoincrement);
	}
}
