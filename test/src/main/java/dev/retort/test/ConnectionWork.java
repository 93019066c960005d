package dev.retort.test;

import java.sql.Connection;

/**
 * Work a data check does on the database: seeding rows before a revision, or asserting them after
 * it. The connection is in autocommit mode, so seeded rows are committed before the revision runs;
 * it is closed by the kit.
 */
@FunctionalInterface
public interface ConnectionWork {

	/** Does the work; any exception (an AssertJ or JUnit assertion error included) fails the check. */
	void run(Connection connection) throws Exception;
}
