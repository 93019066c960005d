package dev.retort.internal.execution;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.MigrationPlan;
import dev.retort.MigrationStep;
import dev.retort.RetortException;
import dev.retort.internal.database.Database;
import dev.retort.internal.ops.OfflineSession;
import dev.retort.internal.script.JavaBody;
import dev.retort.internal.script.ScriptBody;
import dev.retort.internal.script.SqlBody;
import dev.retort.internal.script.SqlStatement;

/**
 * Renders a plan as a SQL script for review or for a DBA to run: one {@code BEGIN}/{@code COMMIT}
 * block per revision (a {@code Transactional: false} revision's statements stand outside it), the
 * version table's DDL when starting from base, and the version-row changes as literal SQL. History
 * rows are not written by offline scripts (run {@code repair} afterwards to record checksums).
 * <p>
 * Where the engine's DDL depends on what is in the database (SQLite's batch mode), the script is
 * rendered in an {@link OfflineSession} that follows the schema on an in-memory copy: the revisions
 * before the script's start are replayed into it first ({@code replay}), then every statement of the
 * script runs on it as it is written.
 */
public final class OfflineSql {

	private final Database database;

	private final TableNames tables;

	private final Map<String, ? extends RunnableRevision> revisions;

	private final PlanExecutor.OperationsFactory operations;

	OfflineSql(Database database, TableNames tables, Map<String, ? extends RunnableRevision> revisions,
			PlanExecutor.OperationsFactory operations) {
		this.database = database;
		this.tables = tables;
		this.revisions = revisions;
		this.operations = operations;
	}

	/** A plan as a script: each step in its own transaction (unless the revision is not transactional). */
	public String render(MigrationPlan plan, boolean createVersionTable) {
		return render(plan, createVersionTable, List::of);
	}

	/**
	 * A plan as a script, the schema it starts from being what the plans {@code replay} build from
	 * an empty database (used only where the engine follows the schema offline).
	 */
	public String render(MigrationPlan plan, boolean createVersionTable, Supplier<List<MigrationPlan>> replay) {
		try (OfflineSession session = OfflineSession.empty(this.database)) {
			if (session.followsSchema()) {
				for (MigrationPlan before : replay.get()) {
					for (MigrationStep step : before.steps()) {
						RunnableRevision revision = (step.revision() != null) ? this.revisions.get(step.revision()) : null;
						if (revision != null) {
							renderBody(revision, step.direction() == Direction.UPGRADE, session);
						}
					}
				}
			}
			return render(plan, createVersionTable, session);
		}
	}

	private String render(MigrationPlan plan, boolean createVersionTable, OfflineSession session) {
		VersionTable versions = new VersionTable(this.database, this.tables);
		StringBuilder sql = new StringBuilder();
		sql.append("-- Retort offline SQL: ").append(plan.command()).append(' ').append(plan.target())
			.append(" for ").append(this.database.displayName()).append("\n-- from ")
			.append(plan.headsBefore().isEmpty() ? "base" : String.join(", ", plan.headsBefore())).append(" to ")
			.append(plan.headsAfter().isEmpty() ? "base" : String.join(", ", plan.headsAfter())).append("\n\n");
		if (createVersionTable) {
			sql.append(this.database.begin()).append(";\n\n");
			sql.append(versions.createSql()).append(";\n\n");
			sql.append(this.database.commit()).append(";\n\n");
		}
		for (MigrationStep step : plan.steps()) {
			RunnableRevision revision = (step.revision() != null) ? this.revisions.get(step.revision()) : null;
			sql.append("-- Running ").append(PlanExecutor.describe(step, revision)).append("\n\n");
			boolean outside = revision != null && !revision.transactional();
			if (outside) {
				sql.append("-- Transactional: false: these statements run outside a transaction\n\n");
				sql.append(renderBody(revision, step.direction() == Direction.UPGRADE, session));
			}
			sql.append(this.database.begin()).append(";\n\n");
			if (revision != null && !outside) {
				sql.append(renderBody(revision, step.direction() == Direction.UPGRADE, session));
			}
			for (String change : versions.render(step.rowChanges())) {
				sql.append(change).append(";\n\n");
			}
			sql.append(this.database.commit()).append(";\n\n");
		}
		return sql.toString();
	}

	/**
	 * One revision's upgrade or downgrade statements; for an irreversible revision's downgrade, a
	 * comment saying so.
	 */
	public String renderRevision(String id, boolean upgrade) {
		RunnableRevision revision = this.revisions.get(id);
		if (!upgrade && !EngineContext.reversible(revision.body(), this.database)) {
			return "-- revision " + id + " (" + revision.source() + ") has no downgrade: it is irreversible\n";
		}
		return renderBody(revision, upgrade);
	}

	/** One revision's statements, each ended by {@code ;} and a blank line. */
	String renderBody(RunnableRevision revision, boolean upgrade) {
		try (OfflineSession session = OfflineSession.none(this.database)) {
			return renderBody(revision, upgrade, session);
		}
	}

	private String renderBody(RunnableRevision revision, boolean upgrade, OfflineSession session) {
		ScriptBody body = revision.body();
		StringBuilder sql = new StringBuilder();
		if (body instanceof SqlBody sqlBody) {
			if (!upgrade && !sqlBody.reversible(this.database.name())) {
				throw RetortException.builder(CoreErrorCode.IRREVERSIBLE_REVISION, "Revision " + revision.node().id() + " ("
						+ revision.source() + ") has no downgrade for " + this.database.displayName())
					.revision(revision.node().id())
					.source(revision.source())
					.build();
			}
			List<SqlStatement> statements = upgrade ? sqlBody.upgradeStatements(this.database.name())
					: sqlBody.downgradeStatements(this.database.name());
			session.replay(statements.stream().map(SqlStatement::sql).toList());
			for (SqlStatement statement : statements) {
				sql.append(statement.sql()).append(this.database.dialect().statementTerminator()).append("\n\n");
			}
		}
		else if (body instanceof JavaBody java) {
			sql.append(OperationsSupport.record(java.migration(), upgrade, this.database, revision.source(),
					session.operations()));
		}
		return sql.toString();
	}
}
