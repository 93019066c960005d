package dev.retort.cli;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;

/**
 * The codes of the errors the {@code retort} command raises itself, next to core's
 * {@link dev.retort.CoreErrorCode}s; documented with them in {@code docs/errors.md}.
 */
public enum CliErrorCode implements ErrorCode {

	/** A command-line argument is missing, unknown or not valid for the verb (CLI usage errors). */
	INVALID_ARGUMENT,

	/** A file or folder could not be read or written (CLI {@code init}, {@code revision}). */
	IO_ERROR

}
