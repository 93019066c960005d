package dev.retort.test;

import java.util.List;

import dev.retort.DesiredSchema;
import dev.retort.Retort;
import dev.retort.ScratchOptions;

/**
 * Compares the project's model (its JPA entities, or a desired-state DDL script) with the schema its
 * revisions build (pytest-alembic's {@code test_model_definitions_match_ddl}). The ready-made checks
 * {@link #of(DesiredSchema)} and {@link #of(DesiredSchema, ScratchOptions)} run Retort's own
 * {@code check} ({@link Retort#checkModel}): revisions replayed into one throwaway database, the model
 * created in another, both compared. Any other comparison can be supplied as a lambda.
 */
@FunctionalInterface
public interface ModelCheck {

	/**
	 * The differences between the model and the revisions, one human-readable line each (naming table
	 * and column); empty when they match.
	 * @param retort the Retort under test
	 */
	List<String> differences(Retort retort) throws Exception;

	/**
	 * {@code retort check} against {@code model}, on throwaway databases of the server the Retort under test
	 * was configured with by URL ({@code RetortConfiguration.dataSource(url, user, password)}).
	 * @param model the model, e.g. {@code DesiredSchema.ofScript(path)} or a JPA model's generated script
	 */
	static ModelCheck of(DesiredSchema model) {
		return (retort) -> retort.checkModel(model).differences();
	}

	/**
	 * {@code retort check} against {@code model}, on throwaway databases of the given scratch server: for a
	 * Retort built on a {@code DataSource} (a Spring Boot test's), whose URL Retort does not know.
	 * @param model the model
	 * @param scratch the server the throwaway databases are created on (an in-memory H2 URL will do for H2)
	 */
	static ModelCheck of(DesiredSchema model, ScratchOptions scratch) {
		return (retort) -> retort.checkModel(model, scratch).differences();
	}
}
