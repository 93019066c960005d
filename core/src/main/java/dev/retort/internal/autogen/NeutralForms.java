package dev.retort.internal.autogen;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.retort.Column;
import dev.retort.DefaultValue;
import dev.retort.RetortException;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.TableElement;
import dev.retort.internal.ops.LiveOperations;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.schema.ColumnForms;
import dev.retort.internal.catalog.ColumnSnapshot;
import dev.retort.internal.schema.SchemaChange;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.catalog.TableSnapshot;

/**
 * Finds the dialect-neutral form of the column types and defaults of a change list, for a Java revision
 * that runs on any engine. Nothing is guessed from type names: each candidate neutral type
 * ({@link SqlType#varchar(int)}, {@link SqlType#timestamp()}, ...) and literal default is created in a
 * probe table on the scratch database through the DSL, read back by the same catalog reader, and kept
 * only where it reads back exactly as the reported type or default. What has no such form stays as the
 * engine reported it (and the verification that follows runs the same forms).
 */
final class NeutralForms {

	private static final String PROBE = "retort_probe_forms";

	private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'(?:::[a-z ]+(?:\\([0-9, ]+\\))?)*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern INTEGER = Pattern.compile("\\(?(-?[0-9]{1,18})\\)?(?:::[a-z ]+)?");

	private static final Pattern DECIMAL = Pattern.compile("\\(?(-?[0-9]+\\.[0-9]+)\\)?(?:::[a-z ]+)?");

	private static final Pattern NOW = Pattern.compile("(?i)(current_timestamp|now|localtimestamp)(\\(\\))?");

	private final DataSource scratch;

	private final CatalogReader reader;

	NeutralForms(DataSource scratch, CatalogReader reader) {
		this.scratch = scratch;
		this.reader = reader;
	}

	/** The neutral forms of every column the upgrade or its downgrade creates or alters. */
	ColumnForms probe(List<SchemaChange> upgrade) {
		List<ColumnSnapshot> columns = columns(upgrade);
		Map<String, SqlType> types = new LinkedHashMap<>();
		Map<String, List<SqlType>> candidates = new LinkedHashMap<>();
		for (ColumnSnapshot column : columns) {
			candidates.computeIfAbsent(column.type(), t -> typeCandidates(column));
		}
		Set<SqlType> probed = new LinkedHashSet<>();
		candidates.values().forEach(probed::addAll);
		Map<SqlType, ColumnSnapshot> typeResults = readBack(new ArrayList<>(probed), t -> Column.of("c", t));
		candidates.forEach((reported, list) -> list.stream()
			.filter(t -> typeResults.containsKey(t) && typeResults.get(t).type().equals(reported))
			.findFirst()
			.ifPresent(t -> types.put(reported, t)));

		ColumnForms typed = new ColumnForms(types, Map.of(), true);
		Map<String, DefaultValue> defaults = new LinkedHashMap<>();
		Map<String, DefaultProbe> defaultProbes = new LinkedHashMap<>();
		for (ColumnSnapshot column : columns) {
			if (column.defaultExpression() == null || column.identity()) {
				continue;
			}
			for (DefaultValue candidate : defaultCandidates(column.defaultExpression(), typed.type(column))) {
				defaultProbes.putIfAbsent(ColumnForms.defaultKey(column) + "\u0000" + candidate,
						new DefaultProbe(column, typed.type(column), candidate));
			}
		}
		List<DefaultProbe> probes = new ArrayList<>(defaultProbes.values());
		Map<DefaultProbe, ColumnSnapshot> defaultResults = readBack(probes,
				p -> Column.of("c", p.type()).serverDefault(p.value()));
		for (DefaultProbe p : probes) {
			ColumnSnapshot read = defaultResults.get(p);
			if (read != null && p.column().defaultExpression().equals(read.defaultExpression())) {
				defaults.putIfAbsent(ColumnForms.defaultKey(p.column()), p.value());
			}
		}
		return new ColumnForms(types, defaults, true);
	}

	private record DefaultProbe(ColumnSnapshot column, SqlType type, DefaultValue value) {
	}

	/** Every column of the changes, both ways (a dropped table's columns come back in the downgrade). */
	private static List<ColumnSnapshot> columns(List<SchemaChange> upgrade) {
		List<ColumnSnapshot> columns = new ArrayList<>();
		for (SchemaChange change : upgrade) {
			if (change instanceof SchemaChange.CreateTable c) {
				columns.addAll(c.snapshot().columns());
			}
			else if (change instanceof SchemaChange.DropTable d) {
				columns.addAll(d.snapshot().columns());
			}
			else if (change instanceof SchemaChange.AddColumn a) {
				columns.add(a.column());
			}
			else if (change instanceof SchemaChange.DropColumn d) {
				columns.add(d.column());
			}
			else if (change instanceof SchemaChange.AlterColumn a) {
				columns.add(a.from());
				columns.add(a.to());
			}
			else if (change instanceof SchemaChange.RenameColumn r) {
				columns.add(r.from());
				columns.add(r.to());
			}
		}
		return columns;
	}

	/**
	 * The neutral types that could read back as the column's type, most specific first where two read
	 * back alike (MariaDB: {@code CHAR(36)} before {@code UUID}, {@code TIMESTAMP} before the zoned one).
	 */
	private static List<SqlType> typeCandidates(ColumnSnapshot column) {
		List<SqlType> list = new ArrayList<>(List.of(SqlType.smallint(), SqlType.integer(), SqlType.bigint()));
		Integer precision = column.precision();
		Integer scale = column.scale();
		if (precision != null && scale != null && precision > 0 && scale <= precision) {
			list.add(SqlType.decimal(precision, scale));
		}
		list.addAll(List.of(SqlType.real(), SqlType.doublePrecision(), SqlType.bool()));
		Long length = column.length();
		boolean sized = length != null && length > 0 && length <= 65_535;
		if (sized) {
			list.add(SqlType.varchar(length.intValue()));
			list.add(SqlType.charType(length.intValue()));
		}
		list.addAll(List.of(SqlType.text(), SqlType.date(), SqlType.time(), SqlType.timestamp(),
				SqlType.timestampWithTimeZone(), SqlType.uuid()));
		if (sized) {
			list.add(SqlType.varbinary(length.intValue()));
		}
		list.addAll(List.of(SqlType.blob(), SqlType.json()));
		return list;
	}

	/** Literal forms of a default as stored: {@code 'text'::character varying} is the string {@code text}. */
	private static List<DefaultValue> defaultCandidates(String stored, SqlType type) {
		String text = stored.strip();
		List<DefaultValue> list = new ArrayList<>();
		Matcher string = STRING.matcher(text);
		Matcher integer = INTEGER.matcher(text);
		Matcher decimal = DECIMAL.matcher(text);
		if (string.matches()) {
			list.add(DefaultValue.literal(string.group(1).replace("''", "'")));
		}
		else if (integer.matches()) {
			long value = Long.parseLong(integer.group(1));
			if (type.kind() == SqlType.Kind.BOOLEAN && (value == 0 || value == 1)) {
				list.add(DefaultValue.literal(value == 1));
			}
			list.add(DefaultValue.literal(value));
		}
		else if (decimal.matches()) {
			list.add(DefaultValue.literal(new BigDecimal(decimal.group(1))));
		}
		else if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			list.add(DefaultValue.literal(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT))));
		}
		else if (NOW.matcher(text).matches()) {
			list.add(DefaultValue.expression("CURRENT_TIMESTAMP"));
		}
		return list;
	}

	/**
	 * Creates one probe column per item, reads them back and drops the table: one table for all, or one
	 * per item when the engine refuses the whole (an item it cannot take is then left out).
	 */
	private <T> Map<T, ColumnSnapshot> readBack(List<T> items, java.util.function.Function<T, Column> column) {
		Map<T, ColumnSnapshot> result = new LinkedHashMap<>();
		if (items.isEmpty()) {
			return result;
		}
		Optional<List<ColumnSnapshot>> all = probeTable(items.stream().map(column).toList());
		if (all.isPresent()) {
			for (int i = 0; i < items.size(); i++) {
				result.put(items.get(i), all.get().get(i));
			}
			return result;
		}
		for (T item : items) {
			probeTable(List.of(column.apply(item))).ifPresent(read -> result.put(item, read.get(0)));
		}
		return result;
	}

	/** The probe columns as read back, in order, or empty when the engine refuses the table. */
	private Optional<List<ColumnSnapshot>> probeTable(List<Column> columns) {
		List<TableElement> elements = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			Column c = columns.get(i);
			elements.add(new Column(name(i), c.type(), true, false, false, false, c.serverDefault()));
		}
		try (Connection c = this.scratch.getConnection()) {
			c.setAutoCommit(true);
			LiveOperations op = new LiveOperations(c);
			try {
				op.createTable(Table.of(PROBE, elements.toArray(TableElement[]::new)));
			}
			catch (RetortException ex) {
				return Optional.empty();
			}
			try {
				TableSnapshot table = this.reader.read(c, new SnapshotOptions(null, Set.of()))
					.tables()
					.stream()
					.filter(t -> t.name().equalsIgnoreCase(PROBE))
					.findFirst()
					.orElseThrow();
				List<ColumnSnapshot> read = new ArrayList<>();
				for (int i = 0; i < columns.size(); i++) {
					String name = name(i);
					read.add(table.columns()
						.stream()
						.filter(col -> col.name().equalsIgnoreCase(name))
						.findFirst()
						.orElseThrow());
				}
				return Optional.of(read);
			}
			finally {
				op.dropTable(PROBE);
			}
		}
		catch (SQLException ex) {
			throw new RetortException(dev.retort.CoreErrorCode.DATABASE_ERROR,
					"Cannot use the scratch database: " + ex.getMessage(), ex);
		}
	}

	private static String name(int index) {
		return String.format(Locale.ROOT, "c%03d", index);
	}
}
