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

	/**
	 * An error with a code and a message only.
	 * @param code the stable code
	 * @param message what went wrong and what to do about it
	 */
	public RetortException(ErrorCode code, String message) {
		this(code, message, null, null, 0, null, null);
	}

	/**
	 * An error with a code, a message and the exception that caused it.
	 * @param code the stable code
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying exception
	 */
	public RetortException(ErrorCode code, String message, @Nullable Throwable cause) {
		this(code, message, null, null, 0, null, cause);
	}

	private RetortException(ErrorCode code, String message, @Nullable String revision, @Nullable String source,
			int line, @Nullable String statement, @Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.revision = revision;
		this.source = source;
		this.line = line;
		this.statement = statement;
	}

	/**
	 * Starts an error that also names where it happened: {@code RetortException.builder(code,
	 * message).revision(id).source(file).build()}.
	 * @param code the stable code
	 * @param message what went wrong and what to do about it
	 * @return a builder; each detail is optional
	 */
	public static Builder builder(ErrorCode code, String message) {
		return new Builder(code, message);
	}

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

	/** Collects the optional details of a {@link RetortException}: revision, source, line, statement, cause. */
	public static final class Builder {

		private final ErrorCode code;

		private final String message;

		private @Nullable String revision;

		private @Nullable String source;

		private int line;

		private @Nullable String statement;

		private @Nullable Throwable cause;

		private Builder(ErrorCode code, String message) {
			this.code = code;
			this.message = message;
		}

		/**
		 * The revision involved.
		 * @param revision its id, or {@code null} if none
		 * @return this builder
		 */
		public Builder revision(@Nullable String revision) {
			this.revision = revision;
			return this;
		}

		/**
		 * The file or class involved.
		 * @param source its path or class name, or {@code null} if none
		 * @return this builder
		 */
		public Builder source(@Nullable String source) {
			this.source = source;
			return this;
		}

		/**
		 * The line in {@link #source(String)}.
		 * @param line 1-based, or 0 if unknown
		 * @return this builder
		 */
		public Builder line(int line) {
			this.line = line;
			return this;
		}

		/**
		 * The SQL statement that failed.
		 * @param statement the statement, or {@code null} if none
		 * @return this builder
		 */
		public Builder statement(@Nullable String statement) {
			this.statement = statement;
			return this;
		}

		/**
		 * The underlying exception.
		 * @param cause the cause, or {@code null} if none
		 * @return this builder
		 */
		public Builder cause(@Nullable Throwable cause) {
			this.cause = cause;
			return this;
		}

		/**
		 * The exception, ready to throw.
		 * @return a new exception with the collected details
		 */
		public RetortException build() {
			return new RetortException(this.code, this.message, this.revision, this.source, this.line,
					this.statement, this.cause);
		}
	}
}
