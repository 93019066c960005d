package dev.retort.internal.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.retort.CoreErrorCode;
import dev.retort.MigrationPlan;
import dev.retort.RetortException;
import dev.retort.internal.database.Database;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.graph.RevisionGraph;

/**
 * {@code upgrade --sql} and {@code downgrade --sql}: a range of revisions as a SQL script, without
 * touching the database (Alembic's offline mode); and one revision's statements as rendered for the
 * database.
 */
public final class OfflineSqlCommand {

	private final EngineContext context;

	private final RevisionGraph graph;

	public OfflineSqlCommand(EngineContext context) {
		this.context = context;
		this.graph = context.graph();
	}

	/** The script of an upgrade over {@code range} ({@code target} or {@code from:to}). */
	public String upgrade(String range) {
		int colon = range.indexOf(':');
		List<String> start = (colon < 0) ? List.of() : startRows(range.substring(0, colon));
		String target = (colon < 0) ? range : range.substring(colon + 1);
		MigrationPlan plan = this.graph.planUpgrade(start, target.isEmpty() ? "heads" : target);
		Database database = this.context.offlineDatabase();
		return this.context.offlineSql(database).render(plan, start.isEmpty(), () -> replay(start));
	}

	/** The script of a downgrade over {@code from:to}. */
	public String downgrade(String range) {
		int colon = range.indexOf(':');
		if (colon < 0) {
			throw new RetortException(CoreErrorCode.INVALID_RANGE, "Offline downgrade needs a range"
					+ " <from>:<to> (for example 'heads:base' or 'b2:a1'), because there is no database to read the"
					+ " current revision from; got '" + range + "'");
		}
		List<String> start = startRows(range.substring(0, colon));
		MigrationPlan plan = this.graph.planDowngrade(start, range.substring(colon + 1));
		Database database = this.context.offlineDatabase();
		this.context.refuseIrreversible(plan, database);
		return this.context.offlineSql(database).render(plan, false, () -> replay(start));
	}

	/**
	 * The script of {@code stamp targets...}: the version-row changes only (from base, with the
	 * version table's DDL). A target may be a range {@code from:to}; all ranges share one start.
	 */
	public String stamp(List<String> targets) {
		String start = null;
		List<String> destinations = new ArrayList<>();
		for (String target : targets) {
			int colon = target.indexOf(':');
			if (colon < 0) {
				destinations.add(target);
				continue;
			}
			String from = target.substring(0, colon);
			if (start != null && !start.equals(from)) {
				throw new RetortException(CoreErrorCode.INVALID_RANGE, "Offline stamp supports one starting revision at "
						+ "a time; got '" + start + "' and '" + from + "'");
			}
			start = from;
			destinations.add(target.substring(colon + 1));
		}
		List<String> rows = (start == null) ? List.of() : startRows(start);
		MigrationPlan plan = this.graph.planStamp(rows, destinations, false);
		Database database = this.context.offlineDatabase();
		return this.context.offlineSql(database).render(plan, rows.isEmpty());
	}

	/** One revision's upgrade or downgrade statements as this database runs them. */
	public String revision(String identifier, boolean upgrade) {
		String id = this.context.revision(identifier).id();
		return this.context.offlineSql(this.context.offlineDatabase()).renderRevision(id, upgrade);
	}

	/**
	 * The upgrades from base to {@code rows}: what an engine that follows the schema offline
	 * (SQLite's batch mode) replays before rendering a range that does not start at base.
	 */
	private List<MigrationPlan> replay(List<String> rows) {
		List<MigrationPlan> plans = new ArrayList<>();
		List<String> at = List.of();
		for (String head : rows) {
			MigrationPlan plan = this.graph.planUpgrade(at, head);
			plans.add(plan);
			at = plan.headsAfter();
		}
		return plans;
	}

	private List<String> startRows(String spec) {
		if (spec.isEmpty() || spec.equals("base")) {
			return List.of();
		}
		List<String> ids = new ArrayList<>(new LinkedHashSet<>(this.graph.resolve(spec)));
		ids.remove("base");
		ids.sort(null);
		return ids;
	}
}
