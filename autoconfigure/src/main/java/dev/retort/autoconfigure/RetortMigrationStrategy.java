package dev.retort.autoconfigure;

import dev.retort.Retort;

/**
 * Replaces what Retort does with the database at startup. With a bean of this type, the
 * {@code retort.on-startup} property is not consulted: the strategy decides (for example, validate
 * first, then upgrade to a branch head).
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

	/** Runs the startup migration with the configured engine. */
	void migrate(Retort retort);

}
