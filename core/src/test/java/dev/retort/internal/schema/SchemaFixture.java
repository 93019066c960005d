package dev.retort.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.Databases;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.ops.LiveOperations;
import dev.retort.internal.ops.OfflineOperations;
import dev.retort.internal.ops.OfflineSession;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

/** A throwaway database with the helpers the schema tests need: run DDL, snapshot, apply changes. */
final class SchemaFixture implements AutoCloseable {

	private final TestDatabase database;

	private final Database engine;

	SchemaFixture(DatabaseKind kind) {
		this.database = TestDatabases.create(kind);
		try (Connection c = this.database.connect()) {
			this.engine = Databases.detect(c);
		}
		catch (SQLException ex) {
			this.database.close();
			throw new IllegalStateException(ex);
		}
	}

	TestDatabase database() {
		return this.database;
	}

	/** The database the fixture runs on. */
	Database engine() {
		return this.engine;
	}

	SqlDialect dialect() {
		return this.engine.dialect();
	}

	SchemaFixture run(List<String> statements) {
		try (Connection c = this.database.connect(); Statement s = c.createStatement()) {
			for (String sql : statements) {
				s.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(this.database + ": " + ex.getMessage(), ex);
		}
		return this;
	}

	SchemaSnapshot snapshot() {
		try (Connection c = this.database.connect()) {
			return this.engine.catalogReader().read(c, SnapshotOptions.excluding("retort_version", "retort_history"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Applies the changes live and returns the statements run. */
	List<String> apply(List<SchemaChange> changes) {
		try (Connection c = this.database.connect()) {
			LiveOperations op = new LiveOperations(c);
			new ChangeApplier(op).apply(changes);
			if (!c.getAutoCommit()) {
				c.commit();
			}
			return op.executedStatements();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The upgrade's statements and then the downgrade's (the reversed changes), rendered offline in
	 * that order from this database's schema, as a revision file holds them.
	 */
	List<List<String>> renderRevision(List<SchemaChange> changes) {
		try (Connection c = this.database.connect(); OfflineSession session = OfflineSession.copying(this.engine, c)) {
			OfflineOperations up = session.operations();
			new ChangeApplier(up).apply(changes);
			OfflineOperations down = session.operations();
			new ChangeApplier(down).apply(SchemaChange.reverseAll(changes));
			return List.of(up.statements(), down.statements());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The changes rendered offline, as an SQL revision would hold them. */
	List<String> render(List<SchemaChange> changes) {
		try (Connection c = this.database.connect(); OfflineSession session = OfflineSession.copying(this.engine, c)) {
			OfflineOperations op = session.operations();
			new ChangeApplier(op).apply(changes);
			return op.statements();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.database.close();
	}
}
