package dev.retort.autoconfigure.actuate;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;

/**
 * The codes of the errors the {@code migrations} Actuator endpoint raises itself, next to core's
 * {@link dev.retort.CoreErrorCode}s; documented with them in {@code docs/errors.md}.
 */
public enum ActuatorErrorCode implements ErrorCode {

	/** The Actuator endpoint was asked to downgrade while {@code retort.actuator.downgrade.enabled} is false. */
	DOWNGRADE_DISABLED,

	/** A downgrade through the Actuator endpoint did not say {@code confirm}: the revisions it would revert. */
	CONFIRMATION_REQUIRED,

	/** The {@code confirm} of an Actuator downgrade does not name exactly the revisions it would revert. */
	CONFIRMATION_MISMATCH,

	/** Another migration runs in this application (an Actuator downgrade refused instead of queued). */
	MIGRATION_IN_PROGRESS,

	/** A request parameter or body field is missing or not valid (an unsupported operation, a limit out of range). */
	INVALID_ARGUMENT

}
