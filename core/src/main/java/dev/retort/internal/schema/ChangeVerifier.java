package dev.retort.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.ops.LiveOperations;

/**
 * Proves a change list before anything is written: applied to the scratch database that holds the
 * current schema it must give the wanted snapshot, and its reverse must give the current one back.
 * The database is left as it was found when verification succeeds.
 */
public final class ChangeVerifier {

	private final CatalogReader reader;

	private final SnapshotOptions options;

	public ChangeVerifier(CatalogReader reader, SnapshotOptions options) {
		this.reader = reader;
		this.options = options;
	}

	/**
	 * Verifies the upgrade and its downgrade on {@code scratch}.
	 * @param scratch the scratch database holding the current schema (never the application's)
	 * @param wanted the snapshot the upgrade must arrive at
	 * @param upgrade the changes, in upgrade order
	 * @throws RetortException {@link ErrorCode#AUTOGENERATE_UNVERIFIED} naming the change that failed
	 * or the differences left
	 */
	public void verify(DataSource scratch, SchemaSnapshot wanted, List<SchemaChange> upgrade) {
		verify(scratch, wanted, upgrade, ColumnForms.AS_REPORTED);
	}

	/**
	 * Verifies as {@link #verify(DataSource, SchemaSnapshot, List)} does, with the column types and
	 * defaults in the given forms (those the written file uses).
	 */
	public void verify(DataSource scratch, SchemaSnapshot wanted, List<SchemaChange> upgrade, ColumnForms forms) {
		SchemaSnapshot start = read(scratch);
		apply(scratch, upgrade, "upgrade", forms);
		requireSame(read(scratch), wanted, "The generated upgrade does not arrive at the model");
		apply(scratch, SchemaChange.reverseAll(upgrade), "downgrade", forms);
		requireSame(read(scratch), start, "The generated downgrade does not return to the revisions' schema");
	}

	private SchemaSnapshot read(DataSource scratch) {
		try (Connection c = scratch.getConnection()) {
			return this.reader.read(c, this.options);
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Cannot read the scratch database: " + ex.getMessage(),
					ex);
		}
	}

	private void apply(DataSource scratch, List<SchemaChange> changes, String direction, ColumnForms forms) {
		try (Connection c = scratch.getConnection()) {
			c.setAutoCommit(true);
			ChangeApplier applier = new ChangeApplier(new LiveOperations(c), forms);
			for (SchemaChange change : changes) {
				try {
					applier.apply(change);
				}
				catch (RetortException ex) {
					throw new RetortException(CoreErrorCode.AUTOGENERATE_UNVERIFIED, "The generated " + direction
							+ " fails at \"" + change.text() + "\": " + ex.getMessage(), ex);
				}
			}
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Cannot use the scratch database: " + ex.getMessage(),
					ex);
		}
	}

	private static void requireSame(SchemaSnapshot actual, SchemaSnapshot expected, String message) {
		List<SchemaChange> left = new SchemaDiffer().diff(actual, expected);
		if (!left.isEmpty()) {
			throw new RetortException(CoreErrorCode.AUTOGENERATE_UNVERIFIED, message + "; still to do: "
					+ left.stream().map(SchemaChange::text).collect(Collectors.joining("; ")));
		}
	}
}
