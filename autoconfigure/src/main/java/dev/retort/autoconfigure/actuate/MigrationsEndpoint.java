package dev.retort.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.retort.AppliedStep;
import dev.retort.CoreErrorCode;
import dev.retort.MigrationStatus;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;
import dev.retort.SecretMasker;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code migrations} Actuator endpoint: where the database stands against the code
 * ({@code GET /actuator/migrations}), the history table ({@code GET /actuator/migrations/history}),
 * one revision with its SQL ({@code GET /actuator/migrations/{revision}}), and a guarded downgrade
 * ({@code POST /actuator/migrations}).
 * <p>
 * Technology-neutral: operations return typed descriptors (each an {@link OperationResponseBody},
 * so the application's own JSON settings do not reshape them) and refuse with a
 * {@link RetortException} whose message is masked; {@link MigrationsEndpointWebExtension} maps
 * those to HTTP statuses. With several {@link Retort} beans (several databases) every operation
 * takes a {@code bean} (the bean name); without it, the status lists every bean, as Flyway's
 * endpoint lists every Flyway bean.
 * <p>
 * The endpoint's default access is read-only, so the downgrade exists only where the operator grants
 * {@code management.endpoint.migrations.access=unrestricted}; even then it is refused unless
 * {@code retort.actuator.downgrade.enabled=true}, and a real run must {@code confirm} the revisions it
 * reverts.
 * <p>
 * The response descriptors are nested records, as in Boot's own endpoints; they make up half of
 * this file's length.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	/** The selector that lists the history table instead of naming a revision. */
	public static final String HISTORY = "history";

	/** History rows returned when no {@code limit} is given. */
	public static final int DEFAULT_HISTORY_LIMIT = 100;

	/** The largest {@code limit} the history accepts. */
	public static final int MAX_HISTORY_LIMIT = 1000;

	/** How long a downgrade waits for the migration lock held by another migrator before refusing. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);

	/** The bean name used when the endpoint is built over a single engine. */
	static final String DEFAULT_BEAN_NAME = "retort";

	private final Map<String, Retort> retorts;

	private final Map<String, GuardedDowngrade> downgrades = new LinkedHashMap<>();

	private final SecretMasker masker;

	/**
	 * Creates the endpoint over one engine.
	 * @param retort the engine
	 * @param downgradeEnabled whether the downgrade operation may run
	 *        ({@code retort.actuator.downgrade.enabled})
	 * @param lockTimeout how long a downgrade waits for the migration lock held elsewhere
	 * @param masker masks credentials in error messages
	 */
	public MigrationsEndpoint(Retort retort, boolean downgradeEnabled, Duration lockTimeout, SecretMasker masker) {
		this(Map.of(DEFAULT_BEAN_NAME, retort), downgradeEnabled, lockTimeout, masker);
	}

	/**
	 * Creates the endpoint over every engine of the application.
	 * @param retorts the engines by bean name (at least one)
	 * @param downgradeEnabled whether the downgrade operation may run
	 *        ({@code retort.actuator.downgrade.enabled})
	 * @param lockTimeout how long a downgrade waits for the migration lock held elsewhere
	 * @param masker masks credentials in error messages
	 */
	public MigrationsEndpoint(Map<String, Retort> retorts, boolean downgradeEnabled, Duration lockTimeout,
			SecretMasker masker) {
		if (retorts.isEmpty()) {
			throw new IllegalArgumentException("The migrations endpoint needs at least one Retort bean");
		}
		this.retorts = new LinkedHashMap<>(retorts);
		this.masker = masker;
		this.retorts.forEach((name, retort) -> this.downgrades.put(name,
				new GuardedDowngrade(retort, downgradeEnabled, lockTimeout, masker)));
	}

	/**
	 * Where the database stands: current revisions, the code's heads, pending revisions in apply
	 * order, and every revision newest first. With several Retort beans and no {@code bean}, one
	 * such description per bean.
	 * @param bean the Retort bean's name (only needed with several)
	 * @return a {@link MigrationsDescriptor}, or a {@link RetortBeansDescriptor}
	 * @throws RetortException if the database cannot be read or {@code bean} names no Retort bean
	 */
	@ReadOperation
	public OperationResponseBody migrations(@Nullable String bean) {
		return masked(() -> {
			if (bean == null && this.retorts.size() > 1) {
				Map<String, MigrationsDescriptor> described = new LinkedHashMap<>();
				this.retorts.forEach((name, retort) -> described.put(name, describe(retort)));
				return new RetortBeansDescriptor(described);
			}
			return describe(retort(bean));
		});
	}

	/**
	 * The history table newest first ({@code history}, at most {@code limit} rows), or one revision
	 * named by any identifier form with its upgrade and downgrade SQL as rendered for this database.
	 * @param revision {@code history}, or a revision identifier
	 * @param limit the number of history rows (default {@value #DEFAULT_HISTORY_LIMIT}, at most
	 *        {@value #MAX_HISTORY_LIMIT})
	 * @param bean the Retort bean's name (needed with several)
	 * @return a {@link HistoryDescriptor} or a {@link RevisionDetailDescriptor}
	 * @throws RetortException if the revision or bean is unknown, or the database cannot be read
	 */
	@ReadOperation
	public OperationResponseBody revisionOrHistory(@Selector String revision, @Nullable Integer limit,
			@Nullable String bean) {
		return masked(() -> {
			Retort retort = retort(bean);
			return HISTORY.equals(revision) ? history(retort, limit) : revision(retort, revision);
		});
	}

	/**
	 * Downgrades the database, guarded: {@code retort.actuator.downgrade.enabled} must be true, and a
	 * real run needs {@code confirm} naming exactly the revisions it reverts (a dry run says which).
	 * The history rows record the authenticated principal as actor ({@code anonymous} without one).
	 * @param operation must be {@code downgrade}
	 * @param target the downgrade target, in any identifier form ({@code -1}, an id, {@code base},
	 *        {@code label@-1}, ...)
	 * @param confirm the ids of the revisions the downgrade reverts, comma-separated
	 * @param dryRun whether to return the plan and its SQL without touching the database
	 * @param bean the Retort bean's name (needed with several)
	 * @param securityContext the caller
	 * @return what the downgrade planned or did
	 * @throws RetortException when a guard refuses or the downgrade fails
	 */
	@WriteOperation
	public DowngradeDescriptor migrate(@Nullable String operation, @Nullable String target,
			@Nullable String confirm, @Nullable Boolean dryRun, @Nullable String bean,
			SecurityContext securityContext) {
		return masked(() -> this.downgrades.get(beanName(bean))
			.run(operation, target, confirm, Boolean.TRUE.equals(dryRun), securityContext));
	}

	private static MigrationsDescriptor describe(Retort retort) {
		MigrationStatus status = retort.status();
		List<RevisionDescriptor> revisions = status.revisions().stream().map(RevisionDescriptor::of).toList();
		return new MigrationsDescriptor(status.current(), status.heads(), status.pending(), status.upToDate(),
				status.unknown(), revisions, status.interrupted().stream().map(InterruptedDescriptor::of).toList());
	}

	private static HistoryDescriptor history(Retort retort, @Nullable Integer limit) {
		int rows = (limit != null) ? limit : DEFAULT_HISTORY_LIMIT;
		if (rows < 1 || rows > MAX_HISTORY_LIMIT) {
			throw new RetortException(ActuatorErrorCode.INVALID_ARGUMENT,
					"limit must be between 1 and " + MAX_HISTORY_LIMIT + "; got " + rows);
		}
		List<HistoryEntryDescriptor> entries = retort.appliedHistory(rows)
			.stream()
			.map(HistoryEntryDescriptor::of)
			.toList();
		return new HistoryDescriptor(rows, entries);
	}

	private static RevisionDetailDescriptor revision(Retort retort, String identifier) {
		RevisionInfo info = retort.revision(identifier);
		MigrationStatus.RevisionState state = retort.status()
			.revisions()
			.stream()
			.filter((candidate) -> candidate.revision().id().equals(info.id()))
			.findFirst()
			.orElse(null);
		return new RevisionDetailDescriptor(info.id(), info.downRevisions(), info.branchLabels(), info.dependsOn(),
				info.message(), info.source(), info.head(), info.base(), info.branchPoint(), info.mergePoint(),
				state != null && state.applied(), (state != null) ? format(state.appliedAt()) : null,
				renderSql(retort, info.id(), true), renderSql(retort, info.id(), false));
	}

	private Retort retort(@Nullable String bean) {
		return this.retorts.get(beanName(bean));
	}

	/** The bean an operation works on: the one named, or the only one. */
	private String beanName(@Nullable String bean) {
		if (bean == null || bean.isBlank()) {
			if (this.retorts.size() == 1) {
				return this.retorts.keySet().iterator().next();
			}
			throw new RetortException(ActuatorErrorCode.INVALID_ARGUMENT, "This application has several Retort beans ("
					+ String.join(", ", this.retorts.keySet()) + "): name one with \"bean\"");
		}
		if (!this.retorts.containsKey(bean)) {
			throw new RetortException(ActuatorErrorCode.INVALID_ARGUMENT, "No Retort bean named '" + bean + "'; the"
					+ " application has " + String.join(", ", this.retorts.keySet()));
		}
		return bean;
	}

	/** Runs an operation, re-throwing its refusal with credentials masked out of the message. */
	private <T> T masked(Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (RetortException ex) {
			String message = this.masker.mask(ex.getMessage());
			if (message.equals(ex.getMessage()) && (ex.statement() == null
					|| this.masker.mask(ex.statement()).equals(ex.statement()))) {
				throw ex;
			}
			// The cause is dropped too: its message may carry the same credential.
			throw RetortException.builder(ex.code(), message)
				.revision(ex.revision())
				.source(ex.source())
				.line(ex.line())
				.statement((ex.statement() != null) ? this.masker.mask(ex.statement()) : null)
				.build();
		}
	}

	/**
	 * A revision's SQL for this database, or a SQL comment saying why it cannot be rendered without
	 * running it (a Java revision that reads the database), so one such revision does not hide the rest.
	 */
	static String renderSql(Retort retort, String id, boolean upgrade) {
		try {
			return retort.renderSql(id, upgrade);
		}
		catch (RetortException ex) {
			if (ex.code() != CoreErrorCode.OFFLINE_NOT_SUPPORTED) {
				throw ex;
			}
			return "-- [" + ex.code().name() + "] " + String.valueOf(ex.getMessage()).replace("\n", "\n-- ") + "\n";
		}
	}

	static @Nullable String format(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * Where the databases of several Retort beans stand, by bean name.
	 *
	 * @param retortBeans each bean's description
	 */
	public record RetortBeansDescriptor(Map<String, MigrationsDescriptor> retortBeans)
			implements OperationResponseBody {
	}

	/**
	 * Where the database stands against the code.
	 *
	 * @param current the database's current revisions
	 * @param heads the code's heads
	 * @param pending revisions {@code upgrade heads} would apply, in apply order
	 * @param upToDate whether nothing is pending and the database holds nothing the code does not know
	 * @param unknown revisions in the version table that the code does not know
	 * @param revisions every revision of the code, newest first
	 * @param interrupted revisions whose run died part-way, until an operator resolves them
	 */
	public record MigrationsDescriptor(List<String> current, List<String> heads, List<String> pending,
			boolean upToDate, List<String> unknown, List<RevisionDescriptor> revisions,
			List<InterruptedDescriptor> interrupted) implements OperationResponseBody {
	}

	/**
	 * An interrupted revision (see {@link dev.retort.InterruptedRevision}).
	 *
	 * @param revision the revision id
	 * @param direction upgrade or downgrade
	 * @param startedAt when the attempt started (ISO-8601)
	 * @param actor who ran it
	 * @param host the host it ran on, if recorded
	 * @param processId its process id, if recorded
	 * @param statementUnderWay the 1-based index of the statement under way (0: none, or a Java revision)
	 * @param mayHaveCommitted the statements that may have committed
	 * @param invalidIndexes INVALID indexes its statements name (PostgreSQL)
	 */
	public record InterruptedDescriptor(String revision, String direction, String startedAt, String actor,
			@Nullable String host, @Nullable Long processId, int statementUnderWay, List<String> mayHaveCommitted,
			List<String> invalidIndexes) {

		static InterruptedDescriptor of(dev.retort.InterruptedRevision revision) {
			return new InterruptedDescriptor(revision.revision(), revision.direction().value(),
					revision.startedAt().toString(), revision.actor(), revision.host(), revision.processId(),
					revision.statementUnderWay(), revision.mayHaveCommitted(), revision.invalidIndexes());
		}
	}

	/**
	 * A revision and whether the database has it.
	 *
	 * @param id the revision id
	 * @param downRevisions the revisions it revises
	 * @param branchLabels its branch labels
	 * @param dependsOn its dependencies
	 * @param message its message
	 * @param applied whether the database is at or past it
	 * @param appliedAt when its last successful upgrade ran (ISO-8601), if recorded
	 */
	public record RevisionDescriptor(String id, List<String> downRevisions, List<String> branchLabels,
			List<String> dependsOn, String message, boolean applied, @Nullable String appliedAt) {

		static RevisionDescriptor of(MigrationStatus.RevisionState state) {
			RevisionInfo info = state.revision();
			return new RevisionDescriptor(info.id(), info.downRevisions(), info.branchLabels(), info.dependsOn(),
					info.message(), state.applied(), format(state.appliedAt()));
		}

	}

	/**
	 * One revision with its SQL.
	 *
	 * @param id the revision id
	 * @param downRevisions the revisions it revises
	 * @param branchLabels its branch labels
	 * @param dependsOn its dependencies
	 * @param message its message
	 * @param source the file or class it comes from
	 * @param head whether nothing revises it
	 * @param base whether it revises nothing
	 * @param branchPoint whether several revisions revise it
	 * @param mergePoint whether it revises several revisions
	 * @param applied whether the database is at or past it
	 * @param appliedAt when its last successful upgrade ran (ISO-8601), if recorded
	 * @param upgradeSql its upgrade as SQL for this database
	 * @param downgradeSql its downgrade as SQL for this database (a comment if it has none)
	 */
	public record RevisionDetailDescriptor(String id, List<String> downRevisions, List<String> branchLabels,
			List<String> dependsOn, String message, String source, boolean head, boolean base, boolean branchPoint,
			boolean mergePoint, boolean applied, @Nullable String appliedAt, String upgradeSql,
			String downgradeSql)
			implements OperationResponseBody {
	}

	/**
	 * Rows of the history table, newest first.
	 *
	 * @param limit the most rows asked for
	 * @param entries the rows
	 */
	public record HistoryDescriptor(int limit, List<HistoryEntryDescriptor> entries)
			implements OperationResponseBody {
	}

	/**
	 * One row of the history table.
	 *
	 * @param id the row id
	 * @param revision the revision (for a stamp, the revisions stamped)
	 * @param direction {@code upgrade}, {@code downgrade}, {@code stamp} or {@code repair}
	 * @param checksum the revision's checksum when it ran
	 * @param startedAt when the step started (ISO-8601)
	 * @param durationMs how long it took, in milliseconds
	 * @param outcome {@code success} or {@code failed}
	 * @param actor who ran it
	 * @param headsBefore version rows before
	 * @param headsAfter version rows after
	 * @param error the error of a failed step
	 */
	public record HistoryEntryDescriptor(long id, String revision, String direction, @Nullable String checksum,
			String startedAt, long durationMs, String outcome, String actor, List<String> headsBefore,
			List<String> headsAfter, @Nullable String error) {

		static HistoryEntryDescriptor of(AppliedStep step) {
			return new HistoryEntryDescriptor(step.id(), step.revision(), step.direction().value(), step.checksum(),
					step.startedAt().toString(), step.duration().toMillis(), step.outcome().value(), step.actor(),
					step.headsBefore(), step.headsAfter(), step.error());
		}

	}

	/**
	 * What a downgrade planned (dry run) or did.
	 *
	 * @param operation {@code downgrade}
	 * @param target the target as given
	 * @param dryRun whether nothing was run
	 * @param confirm the value a real run must send as {@code confirm}: the reverted revisions
	 * @param actor who ran it (recorded in the history table)
	 * @param headsBefore version rows before
	 * @param headsAfter version rows after (planned, for a dry run)
	 * @param steps the steps, in order
	 * @param durationMs how long the run took, in milliseconds ({@code 0} for a dry run)
	 */
	public record DowngradeDescriptor(String operation, String target, boolean dryRun, String confirm, String actor,
			List<String> headsBefore, List<String> headsAfter, List<StepDescriptor> steps, long durationMs)
			implements OperationResponseBody {
	}

	/**
	 * One step of a downgrade.
	 *
	 * @param revision the revision (for a stamp step, the revisions stamped)
	 * @param direction {@code downgrade} or {@code stamp}
	 * @param message the revision's message
	 * @param headsBefore version rows before the step
	 * @param headsAfter version rows after the step
	 * @param sql the SQL the step runs, as rendered for this database (dry run only)
	 * @param durationMs how long the step took, in milliseconds ({@code null} for a dry run)
	 */
	public record StepDescriptor(String revision, String direction, String message, List<String> headsBefore,
			List<String> headsAfter, @Nullable String sql, @Nullable Long durationMs) {
	}

	/**
	 * The body of an error response.
	 *
	 * @param status the HTTP status
	 * @param error the HTTP reason phrase
	 * @param code the stable Retort error code (see {@code docs/errors.md})
	 * @param message what went wrong and what to do, credentials masked
	 * @param revision the revision involved, if any
	 */
	public record ErrorDescriptor(int status, String error, String code, String message, @Nullable String revision)
			implements OperationResponseBody {
	}

}
