package dev.retort.internal.script;

/**
 * What a revision runs: SQL statements from a file, or a {@link dev.retort.Migration} instance.
 * Obtained from {@link RevisionScript#body()}, which reads it on first use.
 */
public sealed interface ScriptBody permits SqlBody, JavaBody {

	/** Whether the revision can be downgraded (on at least one database). */
	boolean reversible();
}
