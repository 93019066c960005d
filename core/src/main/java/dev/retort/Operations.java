package dev.retort;

/**
 * Dialect-neutral schema operations for Java revisions, mirroring Alembic's {@code op}.
 * (Owned by the ops work: this first cut only carries {@link #execute}.)
 */
public interface Operations {

	/** Runs one SQL statement with positional {@code ?} parameters. */
	void execute(String sql, Object... params);
}
