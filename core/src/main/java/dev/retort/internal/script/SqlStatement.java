package dev.retort.internal.script;

/**
 * One SQL statement of a revision, as the splitter cut it: without its terminating {@code ;},
 * without leading and trailing comments and whitespace.
 *
 * @param sql the statement text, ready to execute
 * @param line the 1-based line in the revision file where the statement starts
 */
public record SqlStatement(String sql, int line) {
}
