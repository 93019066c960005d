package dev.retort.internal.schema;

import java.util.List;

import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.TableSnapshot;
import dev.retort.testing.DatabaseKind;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fractional-seconds precision: a precision equal to the engine's default is no difference
 * (Hibernate declares {@code timestamp(6)}, revisions often say {@code timestamp}); any other is one,
 * and its change round-trips. Defaults: PostgreSQL 6 for timestamp and time, H2 6 for timestamp and 0
 * for time, MariaDB 0 for datetime and time.
 */
class TimestampPrecisionTest {

	@Test
	void postgresDefaultPrecisionIsSix() {
		assertNoDifference(DatabaseKind.POSTGRES,
				"CREATE TABLE t (a TIMESTAMP, b TIMESTAMP WITH TIME ZONE, c TIME, d TIME WITH TIME ZONE)",
				"CREATE TABLE t (a TIMESTAMP(6), b TIMESTAMP(6) WITH TIME ZONE, c TIME(6), d TIME(6) WITH TIME ZONE)");
		try (SchemaFixture db = new SchemaFixture(DatabaseKind.POSTGRES)) {
			TableSnapshot t = db.run(List.of("CREATE TABLE t (a TIMESTAMP(6), b TIMESTAMP(3) WITH TIME ZONE)"))
				.snapshot()
				.table("t")
				.orElseThrow();
			assertThat(t.column("a").orElseThrow().type()).isEqualTo("timestamp without time zone");
			assertThat(t.column("a").orElseThrow().precision()).isNull();
			assertThat(t.column("b").orElseThrow().type()).isEqualTo("timestamp(3) with time zone");
			assertThat(t.column("b").orElseThrow().precision()).isEqualTo(3);
		}
		assertRoundTrip(DatabaseKind.POSTGRES, "CREATE TABLE t (a TIMESTAMP)", "CREATE TABLE t (a TIMESTAMP(3))");
		assertRoundTrip(DatabaseKind.POSTGRES, "CREATE TABLE t (a TIMESTAMP(0))", "CREATE TABLE t (a TIMESTAMP(6))");
	}

	@Test
	void h2DefaultPrecisionIsSixForTimestampAndZeroForTime() {
		assertNoDifference(DatabaseKind.H2, "CREATE TABLE t (a TIMESTAMP, b TIMESTAMP WITH TIME ZONE, c TIME)",
				"CREATE TABLE t (a TIMESTAMP(6), b TIMESTAMP(6) WITH TIME ZONE, c TIME(0))");
		assertRoundTrip(DatabaseKind.H2, "CREATE TABLE t (a TIME)", "CREATE TABLE t (a TIME(6))");
		assertRoundTrip(DatabaseKind.H2, "CREATE TABLE t (a TIMESTAMP)", "CREATE TABLE t (a TIMESTAMP(3))");
	}

	@Test
	void mariadbDefaultPrecisionIsZero() {
		assertNoDifference(DatabaseKind.MARIADB, "CREATE TABLE t (a DATETIME, b TIME, c TIMESTAMP NULL)",
				"CREATE TABLE t (a DATETIME(0), b TIME(0), c TIMESTAMP(0) NULL)");
		assertRoundTrip(DatabaseKind.MARIADB, "CREATE TABLE t (a DATETIME)", "CREATE TABLE t (a DATETIME(6))");
		assertRoundTrip(DatabaseKind.MARIADB, "CREATE TABLE t (a TIME(3))", "CREATE TABLE t (a TIME)");
	}

	private static void assertNoDifference(DatabaseKind kind, String one, String other) {
		try (SchemaFixture a = new SchemaFixture(kind); SchemaFixture b = new SchemaFixture(kind)) {
			SchemaRoundTripTest.assertSameSchema(a.run(List.of(one)).snapshot(), b.run(List.of(other)).snapshot());
		}
	}

	/** The precision change is one column alteration, applies, and reverses. */
	private static void assertRoundTrip(DatabaseKind kind, String from, String to) {
		try (SchemaFixture a = new SchemaFixture(kind); SchemaFixture b = new SchemaFixture(kind)) {
			SchemaSnapshot before = a.run(List.of(from)).snapshot();
			SchemaSnapshot wanted = b.run(List.of(to)).snapshot();
			List<SchemaChange> upgrade = new SchemaDiffer().diff(before, wanted);
			assertThat(upgrade).singleElement().isInstanceOf(SchemaChange.AlterColumn.class);
			a.apply(upgrade);
			SchemaRoundTripTest.assertSameSchema(a.snapshot(), wanted);
			a.apply(SchemaChange.reverseAll(upgrade));
			SchemaRoundTripTest.assertSameSchema(a.snapshot(), before);
		}
	}
}
