package dev.retort.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.SecretMasker;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * Turns refusals and engine errors into endpoint responses with an HTTP status and a body that
 * carries the stable {@link ErrorCode} as {@code code}. Messages are masked: no credential leaves
 * the application through an error body.
 */
final class ErrorResponses {

	/** HTTP 409 (Conflict), which {@link WebEndpointResponse} has no constant for. */
	static final int STATUS_CONFLICT = 409;

	/** HTTP 403 (Forbidden). */
	static final int STATUS_FORBIDDEN = 403;

	private final SecretMasker masker;

	ErrorResponses(SecretMasker masker) {
		this.masker = masker;
	}

	/** A response for an engine error or refusal, with the status its code maps to. */
	WebEndpointResponse<OperationResponseBody> of(RetortException ex) {
		return of(status(ex.code()), ex.code(), String.valueOf(ex.getMessage()), ex.revision());
	}

	private WebEndpointResponse<OperationResponseBody> of(int status, ErrorCode code, String message,
			@Nullable String revision) {
		return new WebEndpointResponse<>(
				new MigrationsEndpoint.ErrorDescriptor(status, reason(status), code.name(), this.masker.mask(message),
						revision),
				status);
	}

	/** The HTTP reason phrase of the statuses {@link #status(ErrorCode)} gives. */
	static String reason(int status) {
		return switch (status) {
			case WebEndpointResponse.STATUS_BAD_REQUEST -> "Bad Request";
			case STATUS_FORBIDDEN -> "Forbidden";
			case WebEndpointResponse.STATUS_NOT_FOUND -> "Not Found";
			case STATUS_CONFLICT -> "Conflict";
			case WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE -> "Service Unavailable";
			default -> "Internal Server Error";
		};
	}

	/**
	 * The HTTP status of an error: 404 for targets that name nothing, 403 while downgrades are
	 * disabled, 409 when the database's state or another migrator is in the way, 503 when the database
	 * cannot be read, 500 when a revision failed while running, and 400 for every other refusal.
	 */
	static int status(ErrorCode code) {
		if (code == ActuatorErrorCode.DOWNGRADE_DISABLED) {
			return STATUS_FORBIDDEN;
		}
		if (code == ActuatorErrorCode.MIGRATION_IN_PROGRESS) {
			return STATUS_CONFLICT;
		}
		if (!(code instanceof CoreErrorCode core)) {
			return WebEndpointResponse.STATUS_BAD_REQUEST;
		}
		return switch (core) {
			case UNKNOWN_REVISION, UNKNOWN_BRANCH -> WebEndpointResponse.STATUS_NOT_FOUND;
			case LOCK_TIMEOUT, INTERRUPTED_REVISION, UNKNOWN_DATABASE_REVISION, CHECKSUM_MISMATCH, VERSION_TABLE_MISMATCH -> STATUS_CONFLICT;
			case DATABASE_ERROR, NO_DATABASE -> WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE;
			case STATEMENT_FAILED, MIGRATION_FAILED -> WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
			default -> WebEndpointResponse.STATUS_BAD_REQUEST;
		};
	}

}
