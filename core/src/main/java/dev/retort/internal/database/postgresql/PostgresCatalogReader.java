package dev.retort.internal.database.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import dev.retort.ReferentialAction;
import dev.retort.internal.catalog.CatalogQueries;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.catalog.CheckSnapshot;
import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.catalog.EnumTypeSnapshot;
import dev.retort.internal.catalog.ForeignKeySnapshot;
import dev.retort.internal.catalog.GeneratedNames;
import dev.retort.internal.catalog.IndexSnapshot;
import dev.retort.internal.catalog.PrimaryKeySnapshot;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SequenceSnapshot;
import dev.retort.internal.catalog.SnapshotBuilder;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.catalog.UniqueSnapshot;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog} in six queries, whatever the number of tables.
 * Types come from {@code format_type} ({@code character varying(120)}, {@code numeric(10,2)},
 * {@code timestamp(3) without time zone}), defaults and partial-index conditions from
 * {@code pg_get_expr}, checks from {@code pg_get_constraintdef}. Indexes that back a primary key,
 * unique or exclusion constraint are not listed, nor sequences owned by identity columns.
 */
final class PostgresCatalogReader implements CatalogReader {

	private static final Pattern POSTGRES_SUFFIX = Pattern.compile("_(pkey|key|fkey|check|idx|excl)[0-9]*");

	private static final String TABLES = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " WHERE n.nspname = ? AND c.relkind IN ('r', 'p')";

	/**
	 * Length, precision and scale decoded from atttypmod as information_schema does. A fractional-seconds
	 * precision of 6 is PostgreSQL's default (microseconds): {@code timestamp(6)} and {@code timestamp}
	 * store the same values, so both read as {@code timestamp without time zone}, precision unset
	 * (Hibernate declares {@code timestamp(6)}; hand-written revisions say {@code timestamp}).
	 */
	private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid,"
			+ "   CASE WHEN a.atttypmod = 6 AND t.typname IN ('timestamp', 'timestamptz', 'time', 'timetz') THEN -1"
			+ "   ELSE a.atttypmod END),"
			+ " CASE WHEN a.atttypmod > 4 AND t.typname IN ('varchar', 'bpchar') THEN (a.atttypmod - 4)::bigint END,"
			+ " CASE WHEN a.atttypmod > 4 AND t.typname = 'numeric' THEN ((a.atttypmod - 4) >> 16) & 65535"
			+ "      WHEN a.atttypmod >= 0 AND a.atttypmod <> 6"
			+ "        AND t.typname IN ('timestamp', 'timestamptz', 'time', 'timetz') THEN a.atttypmod END,"
			+ " CASE WHEN a.atttypmod > 4 AND t.typname = 'numeric' THEN (a.atttypmod - 4) & 65535 END,"
			+ " NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity <> ''"
			+ " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " JOIN pg_type t ON t.oid = a.atttypid"
			+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
			+ " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped";

	private static final String CONSTRAINTS = "SELECT c.relname, con.conname, con.contype,"
			+ " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)"
			+ "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),"
			+ " CASE WHEN rn.nspname = n.nspname THEN r.relname ELSE rn.nspname || '.' || r.relname END,"
			+ " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)"
			+ "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),"
			+ " con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid, true)"
			+ " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " LEFT JOIN pg_class r ON r.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace"
			+ " WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c')";

	/**
	 * Expression parts come back in parentheses, so they cannot be mistaken for columns. Key indexes
	 * are left out by an anti-join: pg_constraint has no index on conindid, so a NOT EXISTS per index
	 * scanned it once per index (seconds on 200 tables).
	 */
	private static final String INDEXES = "SELECT c.relname, i.relname, x.indisunique,"
			+ " ARRAY(SELECT CASE WHEN x.indkey[k.ord - 1] = 0 THEN '(' || pg_get_indexdef(x.indexrelid, k.ord::int, true) || ')'"
			+ "   ELSE (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = x.indrelid AND a.attnum = x.indkey[k.ord - 1]) END"
			+ "   FROM generate_series(1, x.indnkeyatts) k(ord) ORDER BY k.ord),"
			+ " pg_get_expr(x.indpred, x.indrelid, true)"
			+ " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
			+ " JOIN pg_namespace n ON n.oid = c.relnamespace"
			+ " LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid"
			+ "   AND con.contype IN ('p', 'u', 'x')"
			+ " WHERE n.nspname = ? AND con.oid IS NULL";

	private static final String SEQUENCES = "SELECT s.sequencename, s.data_type, s.start_value, s.increment_by,"
			+ " s.min_value, s.max_value, s.cache_size, s.cycle FROM pg_sequences s"
			+ " WHERE s.schemaname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class sc ON sc.oid = d.objid"
			+ "   JOIN pg_namespace sn ON sn.oid = sc.relnamespace"
			+ "   WHERE sc.relname = s.sequencename AND sn.nspname = s.schemaname AND d.deptype = 'i')";

	private static final String ENUM_TYPES = "SELECT t.typname, ARRAY(SELECT e.enumlabel FROM pg_enum e"
			+ " WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
			+ " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typtype = 'e'";

	@Override
	public SchemaSnapshot read(Connection connection, SnapshotOptions options) {
		CatalogQueries q = new CatalogQueries(connection, CatalogQueries.schemaOf(connection, options));
		SnapshotBuilder builder = new SnapshotBuilder(options);
		q.each(TABLES, row -> builder.table(row.getString(1)));
		q.each(COLUMNS, row -> builder.column(row.getString(1), new ColumnSnapshot(row.getString(2), row.getString(3),
				(Long) row.getObject(4, Long.class), (Integer) row.getObject(5, Integer.class),
				(Integer) row.getObject(6, Integer.class), row.getBoolean(7), row.getString(8), row.getBoolean(9))));
		q.each(CONSTRAINTS, row -> {
			String table = row.getString(1);
			String name = row.getString(2);
			List<String> columns = strings(row.getArray(4));
			boolean generated = generated(table, name);
			switch (row.getString(3)) {
				case "p" -> builder.object(table, new PrimaryKeySnapshot(name, generated, columns));
				case "u" -> builder.object(table, new UniqueSnapshot(name, generated, columns));
				case "f" -> builder.object(table, new ForeignKeySnapshot(name, generated, columns, row.getString(5),
						strings(row.getArray(6)), action(row.getString(7)), action(row.getString(8)), false));
				default -> builder.object(table, new CheckSnapshot(name, generated, checkExpression(row.getString(9))));
			}
		});
		q.each(INDEXES, row -> {
			String table = row.getString(1);
			List<String> parts = strings(row.getArray(4));
			builder.object(table, new IndexSnapshot(row.getString(2),
					generated(table, row.getString(2)), parts,
					row.getBoolean(3), row.getString(5)));
		});
		q.each(SEQUENCES, row -> builder.sequence(new SequenceSnapshot(row.getString(1), row.getString(2),
				row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getBoolean(8))));
		q.each(ENUM_TYPES, row -> builder.enumType(new EnumTypeSnapshot(row.getString(1), strings(row.getArray(2)))));
		return builder.build();
	}

	/**
	 * PostgreSQL's default names, {@code <table>_<columns>_<suffix>} with the table and columns cut
	 * to 63 bytes, or Hibernate's hashed names.
	 */
	private static boolean generated(String table, String name) {
		if (GeneratedNames.isHibernate(name)) {
			return true;
		}
		String prefix = table.substring(0, Math.min(table.length(), 20));
		return name.startsWith(prefix) && POSTGRES_SUFFIX.matcher(name).find()
				&& POSTGRES_SUFFIX.matcher(name.substring(name.lastIndexOf('_'))).matches();
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	/** {@code CHECK ((price > 0))} as pg_get_constraintdef gives it: the condition without the keyword. */
	private static String checkExpression(String definition) {
		String text = definition.strip();
		if (text.startsWith("CHECK ")) {
			text = text.substring("CHECK ".length());
		}
		if (text.endsWith(" NOT VALID")) {
			text = text.substring(0, text.length() - " NOT VALID".length());
		}
		return text;
	}

	private static ReferentialAction action(String code) {
		return switch (code) {
			case "r" -> ReferentialAction.RESTRICT;
			case "c" -> ReferentialAction.CASCADE;
			case "n" -> ReferentialAction.SET_NULL;
			case "d" -> ReferentialAction.SET_DEFAULT;
			default -> ReferentialAction.NO_ACTION;
		};
	}
}
