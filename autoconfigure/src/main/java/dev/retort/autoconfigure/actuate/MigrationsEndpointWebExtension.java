package dev.retort.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import dev.retort.RetortException;
import dev.retort.SecretMasker;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The HTTP side of {@link MigrationsEndpoint}, as Boot's {@code QuartzEndpointWebExtension} is for
 * its endpoint: the same operations, with each refusal or engine error answered by the HTTP status
 * its {@link dev.retort.ErrorCode} maps to and a body carrying the code (see {@link ErrorResponses}).
 */
@EndpointWebExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointWebExtension {

	private final MigrationsEndpoint delegate;

	private final ErrorResponses errors;

	/**
	 * Creates the extension.
	 * @param delegate the endpoint
	 * @param masker masks credentials in error bodies
	 */
	public MigrationsEndpointWebExtension(MigrationsEndpoint delegate, SecretMasker masker) {
		this.delegate = delegate;
		this.errors = new ErrorResponses(masker);
	}

	/**
	 * See {@link MigrationsEndpoint#migrations(String)}.
	 * @param bean the Retort bean's name (only needed with several)
	 * @return the status, or an error
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> migrations(@Nullable String bean) {
		try {
			return new WebEndpointResponse<>(this.delegate.migrations(bean));
		}
		catch (RetortException ex) {
			return this.errors.of(ex);
		}
	}

	/**
	 * See {@link MigrationsEndpoint#revisionOrHistory(String, Integer, String)}.
	 * @param revision {@code history}, or a revision identifier
	 * @param limit the number of history rows
	 * @param bean the Retort bean's name (needed with several)
	 * @return the history or the revision, or an error
	 */
	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> revisionOrHistory(@Selector String revision,
			@Nullable Integer limit, @Nullable String bean) {
		try {
			return new WebEndpointResponse<>(this.delegate.revisionOrHistory(revision, limit, bean));
		}
		catch (RetortException ex) {
			return this.errors.of(ex);
		}
	}

	/**
	 * See {@link MigrationsEndpoint#migrate(String, String, String, Boolean, String, SecurityContext)}.
	 * @param operation must be {@code downgrade}
	 * @param target the downgrade target
	 * @param confirm the ids of the revisions the downgrade reverts, comma-separated
	 * @param dryRun whether to return the plan and its SQL without touching the database
	 * @param bean the Retort bean's name (needed with several)
	 * @param securityContext the caller
	 * @return what the downgrade planned or did, or an error
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> migrate(@Nullable String operation, @Nullable String target,
			@Nullable String confirm, @Nullable Boolean dryRun, @Nullable String bean,
			SecurityContext securityContext) {
		try {
			return new WebEndpointResponse<>(
					this.delegate.migrate(operation, target, confirm, dryRun, bean, securityContext));
		}
		catch (RetortException ex) {
			return this.errors.of(ex);
		}
	}

}
