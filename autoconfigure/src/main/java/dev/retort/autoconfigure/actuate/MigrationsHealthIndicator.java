package dev.retort.autoconfigure.actuate;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.retort.InterruptedRevision;
import dev.retort.MigrationStatus;
import dev.retort.Retort;
import dev.retort.RetortException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code migrations} health contributor: UP when the database is at the code's heads; DOWN while
 * revisions are pending, when the database holds a revision the code does not know (an older build
 * deployed over a newer schema), and when the database cannot be read. Details name the current
 * revisions, the heads and the pending revisions, and DOWN with the interrupted revision (who started
 * it, when, the statements that may have committed) while one is unresolved; a read failure shows the error's class and SQLState,
 * never its message, so no credential can leak through a probe.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

	private static final Log logger = LogFactory.getLog(MigrationsHealthIndicator.class);

	private final Retort retort;

	/**
	 * Creates the indicator.
	 * @param retort the engine
	 */
	public MigrationsHealthIndicator(Retort retort) {
		this.retort = retort;
	}

	@Override
	public Health health() {
		MigrationStatus status;
		try {
			status = this.retort.status();
		}
		catch (RuntimeException ex) {
			return unreadable(ex);
		}
		if (!status.interrupted().isEmpty()) {
			InterruptedRevision first = status.interrupted().get(0);
			return Health.down()
				.withDetail("reason", "Revision " + first.revision() + " was interrupted part-way (its run died and"
						+ " some of its statements may have committed): nothing runs until an operator resolves it"
						+ " ('retort resolve " + first.revision() + " --rolled-back' or '--applied')")
				.withDetail("code", "INTERRUPTED_REVISION")
				.withDetail("interrupted", status.interrupted().stream().map(MigrationsHealthIndicator::details).toList())
				.withDetail("current", status.current())
				.withDetail("heads", status.heads())
				.withDetail("pending", status.pending())
				.build();
		}
		if (!status.unknown().isEmpty()) {
			return Health.down()
				.withDetail("reason", "The database is at revision(s) " + String.join(", ", status.unknown())
						+ " that this application's revisions do not contain: newer code migrated it (an older"
						+ " build deployed over a newer schema?), or a revision file is missing")
				.withDetail("current", status.current())
				.withDetail("heads", status.heads())
				.withDetail("unknown", status.unknown())
				.withDetail("pending", status.pending())
				.build();
		}
		if (!status.pending().isEmpty()) {
			return Health.down()
				.withDetail("reason", status.pending().size() + " revision(s) pending: the database is not at the"
						+ " code's heads")
				.withDetail("current", status.current())
				.withDetail("heads", status.heads())
				.withDetail("pending", status.pending())
				.build();
		}
		return Health.up().withDetail("current", status.current()).withDetail("heads", status.heads()).build();
	}

	private static Map<String, Object> details(InterruptedRevision revision) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("revision", revision.revision());
		details.put("direction", revision.direction().value());
		details.put("startedAt", revision.startedAt().toString());
		details.put("actor", revision.actor());
		if (revision.host() != null) {
			details.put("host", revision.host());
		}
		if (revision.processId() != null) {
			details.put("processId", revision.processId());
		}
		details.put("statementUnderWay", revision.statementUnderWay());
		details.put("mayHaveCommitted", revision.mayHaveCommitted());
		if (!revision.invalidIndexes().isEmpty()) {
			details.put("invalidIndexes", revision.invalidIndexes());
		}
		return details;
	}

	private Health unreadable(RuntimeException ex) {
		Throwable cause = rootCause(ex);
		Health.Builder health = Health.down()
			.withDetail("reason", "The database's migration state could not be read")
			.withDetail("error", cause.getClass().getName());
		if (ex instanceof RetortException retortException) {
			health.withDetail("code", retortException.code().name());
		}
		String sqlState = sqlState(ex);
		if (sqlState != null) {
			health.withDetail("sqlState", sqlState);
		}
		// The class only: driver messages may echo a URL, and a URL may carry a password.
		logger.warn("Retort migrations health check could not read the database: " + cause.getClass().getName()
				+ ((sqlState != null) ? " [SQLState " + sqlState + "]" : ""));
		return health.build();
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable candidate = ex;
		while (candidate.getCause() != null && candidate.getCause() != candidate) {
			candidate = candidate.getCause();
		}
		return candidate;
	}

	private static @Nullable String sqlState(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

}
