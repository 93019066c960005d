package dev.retort.autoconfigure.actuate;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.retort.Direction;
import dev.retort.MigrationPlan;
import dev.retort.MigrationResult;
import dev.retort.MigrationStep;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.SecretMasker;
import dev.retort.StepResult;

import org.springframework.boot.actuate.endpoint.SecurityContext;

/**
 * The endpoint's downgrade, with its guards in the order an operator meets them: the operation must be
 * {@code downgrade}, the feature flag must be on, a target must be given and must plan (unknown
 * targets, ambiguity and irreversible revisions are refused by the engine before anything runs); a
 * dry run stops there and returns the plan with its SQL. A real run must confirm exactly the revisions
 * it reverts, runs alone in this application (a second request is refused, not queued), waits only
 * briefly for the database's migration lock, and checks under that lock that the plan is still the
 * one confirmed.
 */
final class GuardedDowngrade {

	private static final Log logger = LogFactory.getLog(GuardedDowngrade.class);

	static final String OPERATION = "downgrade";

	static final String ANONYMOUS = "anonymous";

	private final Retort retort;

	private final boolean enabled;

	private final Duration lockTimeout;

	private final SecretMasker masker;

	/** Set while a real downgrade runs in this application: the in-process guard. */
	private final AtomicBoolean running = new AtomicBoolean();

	GuardedDowngrade(Retort retort, boolean enabled, Duration lockTimeout, SecretMasker masker) {
		this.retort = retort;
		this.enabled = enabled;
		this.lockTimeout = lockTimeout;
		this.masker = masker;
	}

	MigrationsEndpoint.DowngradeDescriptor run(@Nullable String operation, @Nullable String target,
			@Nullable String confirm, boolean dryRun, SecurityContext securityContext) {
		if (!OPERATION.equals(operation)) {
			throw new RetortException(ActuatorErrorCode.INVALID_ARGUMENT, "Unsupported operation '" + operation
					+ "': the endpoint only runs \"operation\": \"downgrade\""
					+ " (upgrades run at startup or with the CLI)");
		}
		if (!this.enabled) {
			throw new RetortException(ActuatorErrorCode.DOWNGRADE_DISABLED, "Downgrades through the Actuator endpoint are"
					+ " disabled: set retort.actuator.downgrade.enabled=true to allow them");
		}
		if (target == null || target.isBlank()) {
			throw new RetortException(ActuatorErrorCode.INVALID_ARGUMENT,
					"Missing \"target\": the revision to downgrade to (for example \"-1\", an id, or \"base\")");
		}
		String actor = actor(securityContext);
		if (dryRun) {
			return dryRun(target, actor);
		}
		if (!this.running.compareAndSet(false, true)) {
			throw new RetortException(ActuatorErrorCode.MIGRATION_IN_PROGRESS, "Another downgrade is running in this"
					+ " application; this request was refused, not queued. Check GET /actuator/migrations when it"
					+ " is done, then plan again.");
		}
		try {
			return downgrade(target, confirm, actor);
		}
		catch (RetortException ex) {
			boolean failed = ErrorResponses.status(ex.code()) >= 500;
			String line = "Actuator downgrade to '" + target + "' by " + actor + (failed ? " failed: " : " refused: ")
					+ this.masker.mask(ex.describe());
			if (failed) {
				logger.warn(line);
			}
			else {
				logger.info(line);
			}
			throw ex;
		}
		finally {
			this.running.set(false);
		}
	}

	private MigrationsEndpoint.DowngradeDescriptor dryRun(String target, String actor) {
		MigrationPlan plan = this.retort.planDowngrade(target);
		List<MigrationsEndpoint.StepDescriptor> described = new ArrayList<>();
		for (MigrationStep step : plan.steps()) {
			MigrationEndpointStep endpointStep = MigrationEndpointStep.of(step);
			String sql = (step.direction() == Direction.DOWNGRADE && step.revision() != null)
					? MigrationsEndpoint.renderSql(this.retort, step.revision(), false) : null;
			described.add(new MigrationsEndpoint.StepDescriptor(endpointStep.revision(), endpointStep.direction(),
					message(step), step.headsBefore(), step.headsAfter(), sql, null));
		}
		return new MigrationsEndpoint.DowngradeDescriptor(OPERATION, target, true,
				String.join(",", reverted(plan)), actor, plan.headsBefore(), plan.headsAfter(), described, 0);
	}

	private MigrationsEndpoint.DowngradeDescriptor downgrade(String target, @Nullable String confirm, String actor) {
		MigrationPlan plan = this.retort.planDowngrade(target);
		List<String> reverted = reverted(plan);
		if (plan.isEmpty()) {
			return new MigrationsEndpoint.DowngradeDescriptor(OPERATION, target, false, "",
					actor, plan.headsBefore(), plan.headsAfter(), List.of(), 0);
		}
		if (confirm == null || confirm.isBlank()) {
			throw new RetortException(ActuatorErrorCode.CONFIRMATION_REQUIRED,
					"Missing \"confirm\": this downgrade reverts " + String.join(", ", reverted)
							+ ". Send \"confirm\": \"" + String.join(",", reverted)
							+ "\" to run it (a dry run shows its SQL first).");
		}
		Set<String> confirmed = parse(confirm);
		if (!confirmed.equals(new LinkedHashSet<>(reverted))) {
			throw new RetortException(ActuatorErrorCode.CONFIRMATION_MISMATCH,
					"\"confirm\" names " + String.join(", ", confirmed) + " but this downgrade reverts "
							+ String.join(", ", reverted) + ". Nothing was run. Confirm with the full ids of exactly"
							+ " the reverted revisions: \"" + String.join(",", reverted) + "\".");
		}
		logger.info("Actuator downgrade to '" + target + "' by " + actor + ": reverting "
				+ String.join(", ", reverted));
		MigrationResult result = this.retort.withActor(actor)
			.withLockTimeout(this.lockTimeout)
			.downgrade(target, (locked) -> requireSame(reverted, locked));
		List<MigrationsEndpoint.StepDescriptor> steps = result.steps()
			.stream()
			.map(GuardedDowngrade::describe)
			.toList();
		return new MigrationsEndpoint.DowngradeDescriptor(OPERATION, target, false,
				String.join(",", reverted), actor, result.headsBefore(), result.headsAfter(), steps,
				result.duration().toMillis());
	}

	/** Under the migration lock: another migrator may have moved the database since the plan was confirmed. */
	private static void requireSame(List<String> confirmed, MigrationPlan locked) {
		List<String> now = reverted(locked);
		if (!now.equals(confirmed)) {
			throw new RetortException(ActuatorErrorCode.CONFIRMATION_MISMATCH, "The database changed while this request"
					+ " waited: the downgrade would now revert " + (now.isEmpty() ? "nothing" : String.join(", ", now))
					+ " instead of the confirmed " + String.join(", ", confirmed) + ". Nothing was run; plan again.");
		}
	}

	private static MigrationsEndpoint.StepDescriptor describe(StepResult step) {
		return new MigrationsEndpoint.StepDescriptor(step.revision(), step.direction().value(), step.message(),
				step.headsBefore(), step.headsAfter(), null, step.duration().toMillis());
	}

	private String message(MigrationStep step) {
		return (step.revision() != null) ? this.retort.revision(step.revision()).message() : "";
	}

	/** The revisions a plan reverts, in the order it reverts them. */
	static List<String> reverted(MigrationPlan plan) {
		List<String> ids = new ArrayList<>();
		for (MigrationStep step : plan.steps()) {
			if (step.direction() == Direction.DOWNGRADE && step.revision() != null) {
				ids.add(step.revision());
			}
		}
		return ids;
	}

	private static Set<String> parse(String confirm) {
		Set<String> ids = new LinkedHashSet<>();
		Arrays.stream(confirm.split("[,\\s]+")).filter((id) -> !id.isEmpty()).forEach(ids::add);
		return ids;
	}

	static String actor(SecurityContext securityContext) {
		Principal principal = securityContext.getPrincipal();
		String name = (principal != null) ? principal.getName() : null;
		return (name != null && !name.isBlank()) ? name : ANONYMOUS;
	}

	/** A plan step as the endpoint names it. */
	private record MigrationEndpointStep(String revision, String direction) {

		static MigrationEndpointStep of(MigrationStep step) {
			String direction = step.direction().value();
			String revision = (step.revision() != null) ? step.revision() : String.join(",", step.headsAfter());
			return new MigrationEndpointStep(revision, direction);
		}

	}

}
