package dev.retort.test;

import java.util.List;

import dev.retort.Retort;

/**
 * Compares the project's model (its JPA entities, or a desired-state DDL script) with the schema its
 * revisions build (pytest-alembic's {@code test_model_definitions_match_ddl}). The kit cannot know the
 * model, so the project supplies the comparison: typically a call to Retort's {@code check} against the
 * project's model, returning its differences.
 */
@FunctionalInterface
public interface ModelCheck {

	/**
	 * The differences between the model and the revisions, one human-readable line each (naming table
	 * and column); empty when they match.
	 * @param retort the Retort under test
	 */
	List<String> differences(Retort retort) throws Exception;
}
