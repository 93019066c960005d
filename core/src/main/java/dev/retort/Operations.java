package dev.retort;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Dialect-neutral schema operations for Java revisions, mirroring Alembic's {@code op}.
 * <p>
 * Each method runs (online) or records (offline, {@code --sql}) its statements at once; options are
 * given by immutable values ({@link Table}, {@link Column}, {@link Index}, {@link AlterColumn},
 * {@link ForeignKey}) that do nothing until passed here, so no operation is lost to a forgotten
 * terminal call.
 * <p>
 * Every table argument may be schema-qualified ({@code "accounts.users"}); the value types also
 * take {@code .schema("accounts")}. Every identifier is validated and quoted; an invalid one fails
 * with {@link CoreErrorCode#INVALID_IDENTIFIER}. Conditions ({@code where}, check constraints) and
 * default expressions are SQL written by the revision's author and are used as given.
 * <p>
 * The executor owns the transaction: nothing here commits.
 */
public interface Operations {

	/** The dialect statements are rendered for. */
	Dialect dialect();

	/** Whether this records SQL for an offline script instead of running it. */
	boolean isOffline();

	/** Runs (or records) one schema operation: the primitive every other schema method goes through. */
	void run(SchemaOperation operation);

	// ---------------------------------------------------------------- tables

	/** {@code CREATE TABLE} with columns and constraints. */
	default void createTable(Table table) {
		run(new SchemaOperation.CreateTable(table));
	}

	/** {@code CREATE TABLE}; {@code table} may be {@code schema.table}. */
	default void createTable(String table, TableElement... elements) {
		createTable(Table.of(table, elements));
	}

	/** {@code DROP TABLE}. */
	default void dropTable(String table) {
		run(new SchemaOperation.DropTable(QualifiedName.parse(table)));
	}

	/** Renames a table; it stays in its schema. */
	default void renameTable(String table, String newName) {
		run(new SchemaOperation.RenameTable(QualifiedName.parse(table), newName));
	}

	// ---------------------------------------------------------------- columns

	/** {@code ALTER TABLE ... ADD COLUMN}. */
	default void addColumn(String table, Column column) {
		run(new SchemaOperation.AddColumn(QualifiedName.parse(table), column));
	}

	/** {@code ALTER TABLE ... DROP COLUMN}. */
	default void dropColumn(String table, String column) {
		run(new SchemaOperation.DropColumn(QualifiedName.parse(table), column));
	}

	/** Changes a column's type, nullability, server default and/or name. */
	default void alterColumn(AlterColumn alteration) {
		run(alteration);
	}

	// ---------------------------------------------------------------- indexes

	/** {@code CREATE [UNIQUE] INDEX}, partial ({@code where}) and {@code concurrently} on PostgreSQL. */
	default void createIndex(Index index) {
		run(index);
	}

	/** A plain index on columns of a table. */
	default void createIndex(String name, String table, String... columns) {
		createIndex(Index.of(name, table, columns));
	}

	/**
	 * {@code DROP INDEX}. {@code table} (may be {@code schema.table}) is required by MySQL/MariaDB
	 * offline; online Retort looks it up. The index is dropped in the table's schema.
	 */
	default void dropIndex(String name, @Nullable String table) {
		run(new SchemaOperation.DropIndex(QualifiedName.parse(name),
				(table != null) ? QualifiedName.parse(table) : null));
	}

	/** {@code DROP INDEX}; {@code name} may be {@code schema.index}. See {@link #dropIndex(String, String)}. */
	default void dropIndex(String name) {
		dropIndex(name, null);
	}

	// ---------------------------------------------------------------- constraints

	/** Adds a named foreign key to {@code table}. */
	default void createForeignKey(String table, ForeignKey foreignKey) {
		run(new SchemaOperation.AddConstraint(QualifiedName.parse(table), foreignKey));
	}

	/** Adds a named single-column foreign key, Alembic style. */
	default void createForeignKey(String name, String table, String column, String referencedTable,
			String referencedColumn) {
		createForeignKey(table, ForeignKey.of(column, referencedTable, referencedColumn).named(name));
	}

	/** Adds a named unique constraint. */
	default void createUniqueConstraint(String name, String table, String... columns) {
		run(new SchemaOperation.AddConstraint(QualifiedName.parse(table),
				new UniqueConstraint(name, List.of(columns))));
	}

	/** Adds a named check constraint; {@code condition} is SQL used as given. */
	default void createCheckConstraint(String name, String table, String condition) {
		run(new SchemaOperation.AddConstraint(QualifiedName.parse(table), new CheckConstraint(name, condition)));
	}

	/** Adds a named primary key (MySQL/MariaDB ignore the name: theirs is always {@code PRIMARY}). */
	default void createPrimaryKey(String name, String table, String... columns) {
		run(new SchemaOperation.AddConstraint(QualifiedName.parse(table), new PrimaryKey(name, List.of(columns))));
	}

	/**
	 * Drops a constraint. MySQL/MariaDB need its kind: pass it, or leave it {@code null} and Retort
	 * looks it up online (offline it fails with {@link CoreErrorCode#UNSUPPORTED_BY_DIALECT}).
	 */
	default void dropConstraint(String name, String table, @Nullable ConstraintType type) {
		run(new SchemaOperation.DropConstraint(QualifiedName.parse(table), name, type));
	}

	/** Drops a constraint; see {@link #dropConstraint(String, String, ConstraintType)}. */
	default void dropConstraint(String name, String table) {
		dropConstraint(name, table, null);
	}

	// ---------------------------------------------------------------- data

	/**
	 * Runs one SQL statement with positional {@code ?} parameters: bound as JDBC parameters online,
	 * written as escaped literals offline.
	 */
	void execute(String sql, @Nullable Object... params);

	/**
	 * Inserts rows, each a map of column name to value (bound online, literals offline). Each row
	 * inserts exactly its own keys, so a column left out gets its server default.
	 */
	void bulkInsert(String table, List<? extends Map<String, ?>> rows);

	/**
	 * The live connection, inside the executor's transaction. Commit, rollback, auto-commit changes
	 * and close are refused. Offline it fails with {@link CoreErrorCode#OFFLINE_NOT_SUPPORTED}.
	 */
	Connection connection();

	/** A small JdbcTemplate-like helper on {@link #connection()}; offline it fails like it. */
	JdbcHelper jdbc();
}
