package dev.retort.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.retort.CoreErrorCode;
import dev.retort.MigrationResult;
import dev.retort.MigrationStatus;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.StepResult;

/**
 * The default startup behaviour, chosen by {@code retort.on-startup}: upgrade to the target, validate
 * that the database is at the code's heads, or leave it alone.
 */
final class StartupMigrationStrategy implements RetortMigrationStrategy {

	private static final Log logger = LogFactory.getLog(StartupMigrationStrategy.class);

	private final RetortProperties.OnStartup onStartup;

	private final String target;

	private final boolean validateChecksums;

	StartupMigrationStrategy(RetortProperties.OnStartup onStartup, String target, boolean validateChecksums) {
		this.onStartup = onStartup;
		this.target = target;
		this.validateChecksums = validateChecksums;
	}

	@Override
	public void migrate(Retort retort) {
		switch (this.onStartup) {
			case UPGRADE -> upgrade(retort);
			case VALIDATE -> validate(retort);
			case NONE -> logger.debug("retort.on-startup=none: the database is left as it is");
		}
	}

	private void upgrade(Retort retort) {
		MigrationResult result = retort.upgrade(this.target);
		List<StepResult> steps = result.steps();
		if (steps.isEmpty()) {
			logger.info("Retort: database is up to date at " + describe(result.headsAfter()));
		}
		else {
			logger.info("Retort: applied " + steps.size() + " revision(s) in " + result.duration().toMillis()
					+ " ms, database now at " + describe(result.headsAfter()) + " ("
					+ steps.stream().map(StepResult::revision).collect(Collectors.joining(", ")) + ")");
		}
	}

	private void validate(Retort retort) {
		if (this.validateChecksums) {
			retort.validate();
		}
		MigrationStatus status = retort.status();
		if (!status.unknown().isEmpty()) {
			throw RetortException.builder(CoreErrorCode.UNKNOWN_DATABASE_REVISION,
					"The database is at revision(s) " + String.join(", ", status.unknown())
							+ " that the application's revisions do not contain")
				.revision(status.unknown().get(0))
				.build();
		}
		if (!status.pending().isEmpty()) {
			throw RetortException.builder(CoreErrorCode.PENDING_REVISIONS,
					"The database is at " + describe(status.current()) + " but the code's heads are "
							+ describe(status.heads()) + "; pending revision(s): "
							+ String.join(", ", status.pending()))
				.revision(status.pending().get(0))
				.build();
		}
		logger.info("Retort: database validated at " + describe(status.current()));
	}

	private static String describe(List<String> revisions) {
		return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
	}

}
