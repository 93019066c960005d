package dev.retort;

/**
 * A stable error code. The names are part of the public contract: the CLI prints them
 * ({@code ERROR [CODE] message}), Actuator error bodies carry them as {@code code}, Spring Boot's
 * failure analysis shows them, and {@code docs/errors.md} documents each one with its cause and its
 * fix. Core's codes are {@link CoreErrorCode}; the Spring Boot integration and the CLI define their
 * own enums implementing this interface, so each module owns the codes it raises.
 */
public interface ErrorCode {

	/**
	 * The code, in UPPER_SNAKE_CASE ({@code UNKNOWN_REVISION}). Implemented by enum constants' own
	 * {@code name()}.
	 * @return the code
	 */
	String name();
}
