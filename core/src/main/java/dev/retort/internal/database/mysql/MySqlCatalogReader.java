package dev.retort.internal.database.mysql;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.retort.ReferentialAction;
import dev.retort.internal.catalog.CatalogQueries;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.catalog.CheckSnapshot;
import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.catalog.ForeignKeySnapshot;
import dev.retort.internal.catalog.GeneratedNames;
import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.PrimaryKeySnapshot;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotBuilder;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.catalog.UniqueSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * Reads a MariaDB/MySQL database from {@code information_schema} in five queries, whatever the
 * number of tables. Types are {@code COLUMN_TYPE} ({@code varchar(120)}, {@code decimal(10,2)},
 * {@code enum('A','B')}). The engine does not tell a unique constraint from a unique index, so every
 * unique index is a {@link UniqueSnapshot}; the index the engine made for a foreign key (named as the
 * key) is not listed but remembered on the key ({@link ForeignKeySnapshot#ownIndex()}).
 */
final class MySqlCatalogReader implements CatalogReader {

	/** MariaDB/MySQL numbered names. */
	private static final Pattern MYSQL_SEQUENTIAL = Pattern.compile("(?i)(CONSTRAINT_[0-9]+|.+_ibfk_[0-9]+)");

	private final boolean mariadb;

	/**
	 * A reader for MariaDB or MySQL.
	 * @param mariadb whether the server is MariaDB (its catalog differs in a few columns)
	 */
	MySqlCatalogReader(boolean mariadb) {
		this.mariadb = mariadb;
	}

	@Override
	public SchemaSnapshot read(Connection connection, SnapshotOptions options) {
		CatalogQueries q = new CatalogQueries(connection, CatalogQueries.schemaOf(connection, options));
		SnapshotBuilder builder = new SnapshotBuilder(options);
		q.each("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
				row -> builder.table(row.getString(1)));
		q.each("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
				+ " COALESCE(DATETIME_PRECISION, NUMERIC_SCALE), IS_NULLABLE, COLUMN_DEFAULT, EXTRA, DATA_TYPE, NUMERIC_SCALE"
				+ " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?", row -> {
					Integer precision = (Integer) row.getObject(5, Integer.class);
					Integer datetime = (row.getObject(11) == null) ? (Integer) row.getObject(6, Integer.class) : null;
					builder.column(row.getString(1), new ColumnSnapshot(row.getString(2), row.getString(3),
							(Long) row.getObject(4, Long.class), (precision != null) ? precision : datetime,
							(Integer) row.getObject(11, Integer.class), "YES".equals(row.getString(7)),
							defaultValue(row.getString(8), row.getString(9)),
							row.getString(9).toLowerCase(Locale.ROOT).contains("auto_increment")));
				});
		// Foreign keys first: their own indexes are left out of the index list below.
		Map<String, FkRow> foreignKeys = new TreeMap<>();
		q.each("SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,"
				+ " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE"
				+ " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
				+ " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
				+ " AND r.TABLE_NAME = k.TABLE_NAME"
				+ " WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL"
				+ " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION", row -> {
					String referenced = q.schema().equals(row.getString(4)) ? row.getString(5)
							: row.getString(4) + "." + row.getString(5);
					String key = row.getString(1) + "\u0000" + row.getString(2);
					FkRow fk = foreignKeys.get(key);
					if (fk == null) {
						fk = new FkRow(referenced, row.getString(7), row.getString(8));
						foreignKeys.put(key, fk);
					}
					fk.columns.add(row.getString(3));
					fk.referencedColumns.add(row.getString(6));
				});
		Map<String, IndexRow> indexes = new TreeMap<>();
		// MySQL 8 indexes may hold expressions (no column name); MariaDB has no EXPRESSION column.
		String part = (!this.mariadb) ? "COALESCE(COLUMN_NAME, CONCAT('(', EXPRESSION, ')'))"
				: "COLUMN_NAME";
		q.each("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, " + part + " FROM information_schema.STATISTICS"
				+ " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", row -> {
					String key = row.getString(1) + "\u0000" + row.getString(2);
					IndexRow index = indexes.get(key);
					if (index == null) {
						index = new IndexRow(row.getInt(3) == 0);
						indexes.put(key, index);
					}
					index.columns.add(row.getString(4));
				});
		foreignKeys.forEach((key, fk) -> {
			String table = key.substring(0, key.indexOf('\u0000'));
			String name = key.substring(key.indexOf('\u0000') + 1);
			IndexRow own = indexes.get(key);
			boolean ownIndex = own != null && !own.unique && own.columns.equals(fk.columns);
			if (ownIndex) {
				indexes.remove(key);
			}
			builder.object(table, new ForeignKeySnapshot(name, generated(table, name, fk.columns), fk.columns,
					fk.referenced, fk.referencedColumns, action(fk.deleteRule), action(fk.updateRule), ownIndex));
		});
		indexes.forEach((key, index) -> {
			String table = key.substring(0, key.indexOf('\u0000'));
			String name = key.substring(key.indexOf('\u0000') + 1);
			boolean generated = generated(table, name, index.columns);
			if (name.equals("PRIMARY")) {
				builder.object(table, new PrimaryKeySnapshot(name, true, index.columns));
			}
			else if (index.unique) {
				builder.object(table, new UniqueSnapshot(name, generated, index.columns));
			}
			else {
				builder.object(table, new IndexSnapshot(name, generated, index.columns, false, null));
			}
		});
		q.each("SELECT t.TABLE_NAME, t.CONSTRAINT_NAME, c.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS t"
				+ " JOIN information_schema.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
				+ " AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
				+ ((this.mariadb) ? " AND c.TABLE_NAME = t.TABLE_NAME" : "")
				+ " WHERE t.TABLE_SCHEMA = ? AND t.CONSTRAINT_TYPE = 'CHECK'",
				row -> builder.object(row.getString(1), new CheckSnapshot(row.getString(2),
						generated(row.getString(1), row.getString(2), List.of()), row.getString(3))));
		return builder.build();
	}

	/**
	 * The default as SQL. MariaDB reports it as SQL already (literals quoted, "no default" on a
	 * nullable column as the word NULL); MySQL reports literals bare and marks expressions
	 * {@code DEFAULT_GENERATED} in EXTRA.
	 */
	private @Nullable String defaultValue(@Nullable String reported, String extra) {
		if (reported == null) {
			return null;
		}
		if (this.mariadb) {
			return reported.equals("NULL") ? null : reported;
		}
		if (extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED")) {
			return reported.startsWith("(") || reported.matches("(?i)current_timestamp(\\(\\d*\\))?") ? reported
					: "(" + reported + ")";
		}
		return "'" + reported.replace("'", "''") + "'";
	}

	/**
	 * {@code PRIMARY}, the numbered {@code CONSTRAINT_N}/{@code <table>_ibfk_N}, a unique key named
	 * after its first column, or Hibernate's hashed names.
	 */
	private static boolean generated(String table, String name, List<String> columns) {
		return GeneratedNames.isHibernate(name) || name.equals("PRIMARY") || MYSQL_SEQUENTIAL.matcher(name).matches()
				|| (!columns.isEmpty() && name.toLowerCase(Locale.ROOT)
					.matches(Pattern.quote(columns.get(0).toLowerCase(Locale.ROOT)) + "(_[0-9]+)?"));
	}

	private static ReferentialAction action(String rule) {
		return ReferentialAction.valueOf(rule.replace(' ', '_'));
	}

	private static final class FkRow {

		final String referenced;

		final String deleteRule;

		final String updateRule;

		final List<String> columns = new ArrayList<>();

		final List<String> referencedColumns = new ArrayList<>();

		FkRow(String referenced, String deleteRule, String updateRule) {
			this.referenced = referenced;
			this.deleteRule = deleteRule;
			this.updateRule = updateRule;
		}
	}

	private static final class IndexRow {

		final boolean unique;

		final List<String> columns = new ArrayList<>();

		IndexRow(boolean unique) {
			this.unique = unique;
		}
	}
}
