package dev.retort.internal.database.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Reads an H2 2.x schema from {@code INFORMATION_SCHEMA} in eight queries, whatever the number of
 * tables. Types are rebuilt from the data type and its length/precision/scale
 * ({@code CHARACTER VARYING(120)}, {@code NUMERIC(10, 2)}, {@code TIMESTAMP(3) WITH TIME ZONE},
 * {@code ENUM('A', 'B')}). Indexes H2 generated for constraints ({@code IS_GENERATED}) are not listed:
 * they come and go with their constraint.
 */
final class H2CatalogReader implements CatalogReader {

	private static final Pattern H2_SEQUENTIAL = Pattern
		.compile("(?i)(CONSTRAINT_[0-9A-F]+(_[0-9]+)?|CONSTRAINT_INDEX_[0-9A-F]+|PRIMARY_KEY_[0-9A-F]+|SYS_[A-Z_]*[0-9]+)");

	@Override
	public SchemaSnapshot read(Connection connection, SnapshotOptions options) {
		CatalogQueries q = new CatalogQueries(connection, CatalogQueries.schemaOf(connection, options));
		SnapshotBuilder builder = new SnapshotBuilder(options);
		q.each("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
				row -> builder.table(row.getString(1)));
		Map<String, List<String>> enumValues = new TreeMap<>();
		q.each("SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
				+ " WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE' ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL",
				row -> enumValues.computeIfAbsent(row.getString(1) + "\u0000" + row.getString(2), k -> new ArrayList<>())
					.add(row.getString(3)));
		q.each("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
				+ " DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, DTD_IDENTIFIER"
				+ " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?", row -> {
					String table = row.getString(1);
					builder.column(table, column(row, enumValues.get(table + "\u0000" + row.getString(11))));
				});
		// Constraints: name -> (type, table); their columns from KEY_COLUMN_USAGE.
		Map<String, String[]> constraints = new HashMap<>();
		q.each("SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE, TABLE_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
				+ " WHERE TABLE_SCHEMA = ?",
				row -> constraints.put(row.getString(1), new String[] { row.getString(2), row.getString(3) }));
		Map<String, List<String>> keyColumns = new HashMap<>();
		q.each("SELECT CONSTRAINT_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
				+ " WHERE CONSTRAINT_SCHEMA = ? ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION",
				row -> keyColumns.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(2)));
		q.each("SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, UPDATE_RULE, DELETE_RULE"
				+ " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?", row -> {
					String name = row.getString(1);
					String[] own = constraints.get(name);
					String[] target = constraints.get(row.getString(2));
					if (own == null || target == null) {
						return;
					}
					String referenced = q.schema().equals(row.getString(3)) ? target[1]
							: row.getString(3) + "." + target[1];
					List<String> columns = keyColumns.getOrDefault(name, List.of());
					builder.object(own[1], new ForeignKeySnapshot(name, generated(own[1], name, columns), columns,
							referenced, keyColumns.getOrDefault(row.getString(2), List.of()), action(row.getString(5)),
							action(row.getString(4)), false));
				});
		constraints.forEach((name, c) -> {
			List<String> columns = keyColumns.getOrDefault(name, List.of());
			if (c[0].equals("PRIMARY KEY")) {
				builder.object(c[1], new PrimaryKeySnapshot(name, generated(c[1], name, columns), columns));
			}
			else if (c[0].equals("UNIQUE")) {
				builder.object(c[1], new UniqueSnapshot(name, generated(c[1], name, columns), columns));
			}
		});
		q.each("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
				row -> {
					String[] c = constraints.get(row.getString(1));
					if (c != null) {
						builder.object(c[1], new CheckSnapshot(row.getString(1),
								generated(c[1], row.getString(1), List.of()), row.getString(2)));
					}
				});
		readIndexes(q, builder);
		return builder.build();
	}

	private static void readIndexes(CatalogQueries q, SnapshotBuilder builder) {
		Map<String, String[]> indexes = new TreeMap<>();
		Map<String, List<String>> parts = new HashMap<>();
		q.each("SELECT I.INDEX_NAME, I.TABLE_NAME, I.INDEX_TYPE_NAME, C.COLUMN_NAME"
				+ " FROM INFORMATION_SCHEMA.INDEXES I JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C"
				+ " ON C.INDEX_SCHEMA = I.INDEX_SCHEMA AND C.INDEX_NAME = I.INDEX_NAME AND C.TABLE_NAME = I.TABLE_NAME"
				+ " WHERE I.INDEX_SCHEMA = ? AND NOT I.IS_GENERATED ORDER BY I.INDEX_NAME, C.ORDINAL_POSITION", row -> {
					indexes.putIfAbsent(row.getString(1), new String[] { row.getString(2), row.getString(3) });
					parts.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(4));
				});
		indexes.forEach((name, i) -> {
			List<String> columns = parts.get(name);
			builder.object(i[0], new IndexSnapshot(name, generated(i[0], name, columns), columns,
					i[1].startsWith("UNIQUE"), null));
		});
	}

	private static ColumnSnapshot column(ResultSet row, @Nullable List<String> enumValues) throws SQLException {
		String dataType = row.getString(3);
		Long length = (Long) row.getObject(4, Long.class);
		Integer precision = (Integer) row.getObject(5, Integer.class);
		Integer scale = (Integer) row.getObject(6, Integer.class);
		Integer datetimePrecision = (Integer) row.getObject(7, Integer.class);
		String type = typeText(dataType, length, precision, scale, datetimePrecision, enumValues);
		boolean sizedNumber = dataType.equals("NUMERIC") || dataType.equals("DECFLOAT");
		boolean temporal = datetimePrecision != null;
		return new ColumnSnapshot(row.getString(2), type, type.contains("(") && !sizedNumber ? length : null,
				sizedNumber ? precision : temporal ? datetimePrecision : null, sizedNumber ? scale : null,
				"YES".equals(row.getString(8)), row.getString(9), "YES".equals(row.getString(10)));
	}

	/** The type as it would be written in DDL, from H2's normalised parts. */
	static String typeText(String dataType, @Nullable Long length, @Nullable Integer precision,
			@Nullable Integer scale, @Nullable Integer datetimePrecision, @Nullable List<String> enumValues) {
		switch (dataType) {
			case "CHARACTER VARYING", "CHARACTER", "BINARY VARYING", "BINARY", "VARCHAR_IGNORECASE":
				return (length != null) ? dataType + "(" + length + ")" : dataType;
			case "NUMERIC":
				return dataType + "(" + precision + ", " + scale + ")";
			case "DECFLOAT":
				return dataType + "(" + precision + ")";
			case "ENUM":
				List<String> values = (enumValues != null) ? enumValues : List.of();
				return "ENUM(" + String.join(", ", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList())
						+ ")";
			default:
				if (datetimePrecision != null && (dataType.startsWith("TIME"))) {
					int space = dataType.indexOf(' ');
					return (space < 0) ? dataType + "(" + datetimePrecision + ")"
							: dataType.substring(0, space) + "(" + datetimePrecision + ")" + dataType.substring(space);
				}
				return dataType;
		}
	}

	/** H2's numbered names (and HSQLDB's SYS_ names, which H2 modes may show), or Hibernate's. */
	private static boolean generated(String table, String name, List<String> columns) {
		return GeneratedNames.isHibernate(name) || H2_SEQUENTIAL.matcher(name).matches();
	}

	static ReferentialAction action(String rule) {
		return ReferentialAction.valueOf(rule.replace(' ', '_'));
	}
}
