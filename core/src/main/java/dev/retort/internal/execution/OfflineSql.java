package dev.retort.internal.execution;

import java.util.List;
import java.util.Map;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.MigrationPlan;
import dev.retort.MigrationStep;
import dev.retort.RetortException;
import dev.retort.internal.database.Database;
import dev.retort.internal.script.JavaBody;
import dev.retort.internal.script.ScriptBody;
import dev.retort.internal.script.SqlBody;
import dev.retort.internal.script.SqlStatement;

/**
 * Renders a plan as a SQL script for review or for a DBA to run: one {@code BEGIN}/{@code COMMIT}
 * block per revision (a {@code Transactional: false} revision's statements stand outside it), the
 * version table's DDL when starting from base, and the version-row changes as literal SQL. History
 * rows are not written by offline scripts (run {@code repair} afterwards to record checksums).
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
				sql.append(renderBody(revision, step.direction() == Direction.UPGRADE));
			}
			sql.append(this.database.begin()).append(";\n\n");
			if (revision != null && !outside) {
				sql.append(renderBody(revision, step.direction() == Direction.UPGRADE));
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
			for (SqlStatement statement : statements) {
				sql.append(statement.sql()).append(this.database.dialect().statementTerminator()).append("\n\n");
			}
		}
		else if (body instanceof JavaBody java) {
			sql.append(OperationsSupport.record(java.migration(), upgrade, this.database, revision.source()));
		}
		return sql.toString();
	}
}
