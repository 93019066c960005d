package dev.retort.internal.autogen;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.retort.CoreErrorCode;
import dev.retort.DesiredSchema;
import dev.retort.RetortException;
import dev.retort.ScratchOptions;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.schema.ChangeVerifier;
import dev.retort.internal.schema.Concurrently;
import dev.retort.internal.schema.Concurrently.Both;
import dev.retort.internal.schema.Renames;
import dev.retort.internal.schema.SchemaChange;
import dev.retort.internal.schema.SchemaDiffer;
import dev.retort.internal.schema.ScratchDatabases;
import dev.retort.internal.schema.ScratchServer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One comparison on a scratch server: the revisions replayed base→heads into one throwaway
 * database (by {@code replay}, a Retort with the application's locations on that database), the
 * model created in the other (both at once, see {@link Concurrently}), both read by the engine's
 * catalog reader, and the difference computed. The throwaway databases are dropped when {@link #run} returns or fails.
 */
final class ScratchComparison {

	private static final Logger logger = LoggerFactory.getLogger(ScratchComparison.class);

	/** What a run found, handed to the caller while the scratch databases still exist. */
	public record Found(List<SchemaChange> changes, SchemaSnapshot wanted, DataSource current, SqlDialect dialect,
			ChangeVerifier verifier, CatalogReader reader) {
	}

	/** Work done on the result while the scratch databases exist. */
	@FunctionalInterface
	public interface Step<T> {

		T apply(Found found);
	}

	private final ScratchOptions scratch;

	private final Consumer<DataSource> replay;

	private final Set<String> excludedTables;

	/**
	 * @param scratch the scratch server
	 * @param replay upgrades a scratch database to the heads of the application's revisions
	 * @param excludedTables Retort's own tables, left out of both snapshots
	 */
	public ScratchComparison(ScratchOptions scratch, Consumer<DataSource> replay, Set<String> excludedTables) {
		this.scratch = scratch;
		this.replay = replay;
		this.excludedTables = excludedTables;
	}

	/**
	 * Builds both sides, compares them and hands the result to {@code step}.
	 * @throws RetortException {@link CoreErrorCode#SCRATCH_DATABASE_UNAVAILABLE},
	 * {@link CoreErrorCode#MODEL_SCRIPT_FAILED} naming the statement's file and line, or the replay's
	 * error naming the revision and statement
	 */
	public <T> T run(DesiredSchema model, Renames renames, Step<T> step) {
		ScratchServer server = new ScratchServer(this.scratch.url(), this.scratch.user(), this.scratch.password());
		CatalogReader reader = server.database().catalogReader();
		SnapshotOptions options = new SnapshotOptions(null, this.excludedTables);
		long start = System.nanoTime();
		try (ScratchDatabases databases = server.reserve()) {
			// The two sides are independent and mostly wait on the server: each creates its own database
			// and builds on it at once, the replay (the longer side) starting as soon as its database exists.
			Both<Side, Side> sides = Concurrently.run("retort-scratch-replay", () -> replayed(databases, reader, options),
					() -> modelled(server, databases, model, reader, options));
			long built = System.nanoTime();
			SchemaSnapshot current = sides.first().snapshot();
			SchemaSnapshot created = sides.second().snapshot();
			SchemaSnapshot wanted = model.isGenerated() ? UniqueIndexes.adopt(current, created) : created;
			List<SchemaChange> changes = new SchemaDiffer(renames).diff(current, wanted);
			long diffed = System.nanoTime();
			logger.info("Compared on scratch databases: replay side {} (database, replay, read back), model side {}"
					+ " (leftovers and database, model, read back), {} tables, both sides in {} ms, diff {} ms ({} changes)",
					sides.first(), sides.second(), current.tables().size() + created.tables().size(), ms(built - start),
					ms(diffed - built), changes.size());
			SqlDialect dialect = Objects.requireNonNull(sides.second().dialect());
			return step.apply(new Found(changes, wanted, databases.current(), dialect,
					new ChangeVerifier(reader, options), reader));
		}
	}

	/**
	 * One side created, built and read back, with how long each took; the model side also gives the
	 * engine's dialect (both databases are on the one server).
	 */
	private record Side(SchemaSnapshot snapshot, long createNanos, long buildNanos, long readNanos,
			@Nullable SqlDialect dialect) {

		@Override
		public String toString() {
			return ms(this.createNanos) + " + " + ms(this.buildNanos) + " + " + ms(this.readNanos) + " ms";
		}
	}

	/** The revisions replayed (by a Retort of their own, on its own connections), then read back. */
	private Side replayed(ScratchDatabases databases, CatalogReader reader, SnapshotOptions options) {
		long start = System.nanoTime();
		databases.createCurrent();
		long createdAt = System.nanoTime();
		replay(databases.current());
		long built = System.nanoTime();
		try (Connection c = databases.current().getConnection()) {
			SchemaSnapshot snapshot = reader.read(c, options);
			return new Side(snapshot, createdAt - start, built - createdAt, System.nanoTime() - built, null);
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot read the scratch database: " + ex.getMessage(), ex);
		}
	}

	/** Leftovers of killed runs dropped, the model's database created, the model created and read back. */
	private static Side modelled(ScratchServer server, ScratchDatabases databases, DesiredSchema model,
			CatalogReader reader, SnapshotOptions options) {
		long start = System.nanoTime();
		server.dropLeftovers();
		databases.createWanted();
		long created = System.nanoTime();
		try (Connection c = databases.wanted().getConnection()) {
			create(c, model);
			long built = System.nanoTime();
			SchemaSnapshot snapshot = reader.read(c, options);
			return new Side(snapshot, created - start, built - created, System.nanoTime() - built, SqlDialect.detect(c));
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.SCRATCH_DATABASE_UNAVAILABLE,
					"Cannot use the scratch database: " + ex.getMessage(), ex);
		}
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	private void replay(DataSource current) {
		try {
			this.replay.accept(current);
		}
		catch (RetortException ex) {
			throw RetortException.builder(ex.code(), "Replaying the revisions on the scratch database failed: "
					+ ex.getMessage())
				.revision(ex.revision())
				.source(ex.source())
				.line(ex.line())
				.statement(ex.statement())
				.cause(ex)
				.build();
		}
	}

	/** Creates the model, statement by statement, naming the statement that fails by its file and line. */
	private static void create(Connection c, DesiredSchema model) throws SQLException {
		c.setAutoCommit(true);
		try (Statement s = c.createStatement()) {
			for (DesiredSchema.Statement statement : model.statementsFor(c)) {
				try {
					s.execute(statement.sql());
				}
				catch (SQLException ex) {
					throw new RetortException(CoreErrorCode.MODEL_SCRIPT_FAILED, "The model statement at "
							+ statement.origin() + " failed on the scratch database: " + ex.getMessage() + " ["
							+ firstLine(statement.sql()) + "]", ex);
				}
			}
		}
	}

	private static String firstLine(String sql) {
		String line = sql.strip().lines().findFirst().orElse("");
		return (line.length() > 80) ? line.substring(0, 80) + "..." : line;
	}
}
