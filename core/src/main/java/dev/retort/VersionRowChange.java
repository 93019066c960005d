package dev.retort;

/**
 * One change to the version table's rows, as Alembic's head maintainer makes it. The executor
 * applies these verbatim, in the same transaction as the step.
 */
public sealed interface VersionRowChange {

	/** {@code INSERT INTO version (version_num) VALUES (revision)}. */
	record Insert(String revision) implements VersionRowChange {
	}

	/** {@code DELETE FROM version WHERE version_num = revision}; exactly one row must match. */
	record Delete(String revision) implements VersionRowChange {
	}

	/** {@code UPDATE version SET version_num = to WHERE version_num = from}; exactly one row must match. */
	record Update(String from, String to) implements VersionRowChange {
	}
}
