package dev.retort;

import org.jspecify.annotations.Nullable;

/**
 * The one exception type Retort raises. Every instance carries a stable {@link ErrorCode} and,
 * where known, the revision, the source file, the line and the statement involved, so that the
 * CLI, the Actuator endpoint and Spring Boot's failure analysis can name the culprit.
 */
public class RetortException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ErrorCode code;

	private final @Nullable String revision;

	private final @Nullable String source;

	private final int line;

	private final @Nullable String statement;

	public RetortException(ErrorCode code, String message) {
		this(code, message, null, null, 0, null, null);
	}

	public RetortException(ErrorCode code, String message, @Nullable Throwable cause) {
		this(code, message, null, null, 0, null, cause);
	}

	public RetortException(ErrorCode code, String message, @Nullable String revision, @Nullable String source,
			int line, @Nullable String statement, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.revision = revision;
		this.source = source;
		this.line = line;
		this.statement = statement;
	}

	/** The stable error code. */
	public ErrorCode code() {
		return this.code;
	}

	/** The revision involved, if any. */
	public @Nullable String revision() {
		return this.revision;
	}

	/** The revision's source (file path or class name), if any. */
	public @Nullable String source() {
		return this.source;
	}

	/** The 1-based line in {@link #source()} where the failing statement starts, or 0 if unknown. */
	public int line() {
		return this.line;
	}

	/** The failing statement, if any. */
	public @Nullable String statement() {
		return this.statement;
	}

	/** {@code [CODE] message}, the form the CLI prints after {@code ERROR}. */
	public String describe() {
		return "[" + this.code.name() + "] " + getMessage();
	}
}
