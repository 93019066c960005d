package dev.retort;

/**
 * The codes of the errors Retort's core raises (the Spring Boot integration and the CLI add their
 * own, each in its module). The names are part of the public contract: see {@link ErrorCode}. Codes
 * that exist in the Alembic conformance corpus keep the corpus's category name.
 */
public enum CoreErrorCode implements ErrorCode {
	// --- revision graph (load time) ---
	/** Two revisions declare the same id. */
	DUPLICATE_REVISION,
	/** A revision names a down revision that does not exist. */
	MISSING_DOWN_REVISION,
	/** A {@code depends_on} entry names no revision id and no branch label. */
	MISSING_DEPENDENCY,
	/** The down-revision graph contains a cycle. */
	CYCLE,
	/** The {@code depends_on} graph contains a cycle. */
	DEPENDENCY_CYCLE,
	/** A revision revises itself. */
	SELF_LOOP,
	/** A revision depends on itself. */
	DEPENDENCY_SELF_LOOP,
	/** One branch label on two branches, or a label equal to a revision id. */
	DUPLICATE_BRANCH_LABEL,
	/** A revision id contains characters that are not allowed. */
	ILLEGAL_REVISION_ID,
	/** A revision file header or annotation is malformed. */
	MALFORMED_REVISION,
	/** A revision location cannot be read. */
	LOCATION_NOT_FOUND,
	/**
	 * A scanned Java revision cannot be created outside Spring: it has no public no-argument
	 * constructor (it needs constructor arguments such as Spring beans), or its constructor failed.
	 */
	REVISION_NOT_INSTANTIABLE,

	// --- target resolution ---
	/** One revision was asked for but several heads match. */
	MULTIPLE_HEADS,
	/** A partial id matches several revisions. */
	AMBIGUOUS_PREFIX,
	/** No revision or branch has this identifier. */
	UNKNOWN_REVISION,
	/** No branch has this label. */
	UNKNOWN_BRANCH,
	/** A revision is not a member of the named branch. */
	NOT_IN_BRANCH,
	/** The ends of a range, or a target and the current heads, are not ancestor and descendant. */
	RANGE_NOT_ANCESTOR,
	/** A {@code label@rev} downgrade target lies below the revision's branch point. */
	NOT_A_VALID_DOWNGRADE_TARGET,
	/** A relative step walks past base or head. */
	RELATIVE_OUT_OF_RANGE,
	/** A relative step meets a branch or merge point. */
	AMBIGUOUS_WALK,
	/** {@code upgrade +N} with several current revisions. */
	AMBIGUOUS_RELATIVE_UPGRADE,
	/** {@code downgrade -N} with several current revisions (Alembic only warns; Retort refuses). */
	AMBIGUOUS_RELATIVE_DOWNGRADE,
	/** Requested revisions where one is an ancestor of another. */
	OVERLAPPING_TARGETS,
	/** A range is malformed (history wants {@code [start]:[end]}). */
	INVALID_RANGE,
	/** A range was given where only a single target makes sense. */
	RANGE_NOT_ALLOWED,
	/** The version table does not hold the rows the plan expected. */
	VERSION_TABLE_MISMATCH,
	/** An operation Alembic would crash on; Retort refuses it before running anything. */
	UNSUPPORTED_OPERATION,

	// --- execution ---
	/** A statement of a revision failed. */
	STATEMENT_FAILED,
	/** A Java revision threw. */
	MIGRATION_FAILED,
	/** An applied revision's file changed since it was applied. */
	CHECKSUM_MISMATCH,
	/**
	 * A revision that cannot roll back was interrupted (its run died): part of it may be committed.
	 * Nothing runs until an operator resolves it ({@link Retort#resolve(String, Resolution)}).
	 */
	INTERRUPTED_REVISION,
	/** {@code resolve} named a revision that has no interrupted attempt. */
	NOT_INTERRUPTED,
	/** The migration lock could not be taken in time. */
	LOCK_TIMEOUT,
	/** The downgrade would pass through a revision that has no downgrade. */
	IRREVERSIBLE_REVISION,
	/** The database holds a revision the code does not know. */
	UNKNOWN_DATABASE_REVISION,
	/** The database is not at the code's heads where it must be (startup {@code validate}). */
	PENDING_REVISIONS,
	/** The operation needs a database but none is configured. */
	NO_DATABASE,
	/** A configured identifier (table, schema) is not a valid SQL identifier. */
	INVALID_IDENTIFIER,
	/** The configuration is invalid. */
	INVALID_CONFIGURATION,
	/** An operation cannot be rendered for this database. */
	UNSUPPORTED_BY_DIALECT,
	/** A Java revision called the Operations DSL with arguments that describe no valid operation. */
	INVALID_OPERATION,
	/** Offline SQL was asked for a revision that needs a live connection. */
	OFFLINE_NOT_SUPPORTED,
	/** The database could not be reached or answered an unexpected error. */
	DATABASE_ERROR,
	/**
	 * {@link Retort#dropSchema()} refused: no schema is configured, Retort did not create it, the database is not
	 * at base, or the schema holds something besides Retort's own tables (all named in the message).
	 */
	SCHEMA_NOT_DROPPABLE,

	/** An argument given to autogenerate (for example a rename) is not valid. */
	INVALID_ARGUMENT,

	// --- autogenerate and check ---
	/** {@code check}: the model and the revisions disagree (the differences are listed). */
	MODEL_DRIFT,
	/** The scratch server is down, or its user may not create databases ({@code retort.scratchUrl}). */
	SCRATCH_DATABASE_UNAVAILABLE,
	/** A generated revision, applied to the scratch database, did not give the model (or its downgrade the start). */
	AUTOGENERATE_UNVERIFIED,
	/** The model script ({@code --model} / {@code retort.model}) failed on the scratch database. */
	MODEL_SCRIPT_FAILED;
}
