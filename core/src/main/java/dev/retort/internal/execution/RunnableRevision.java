package dev.retort.internal.execution;

import dev.retort.internal.graph.RevisionNode;
import dev.retort.internal.script.ScriptBody;

/**
 * What the runtime needs of a loaded revision: its place in the graph, where it came from, how to
 * run it and its checksum.
 */
public interface RunnableRevision {

	/** The revision's node (id, down revisions, labels, message, source). */
	RevisionNode node();

	/** The file path or class name, for messages. */
	default String source() {
		return node().source();
	}

	/** Whether the revision runs inside a transaction ({@code Transactional: false} runs it in autocommit). */
	boolean transactional();

	/** The checksum of the revision's content (normalised line endings), or {@code null} for a Java revision. */
	@org.jspecify.annotations.Nullable String checksum();

	/**
	 * The same checksum for validation, where the file need not be parsed: by default
	 * {@link #checksum()}.
	 */
	default @org.jspecify.annotations.Nullable String validationChecksum() {
		return checksum();
	}

	/** The revision's body, read on first use. */
	ScriptBody body();
}
