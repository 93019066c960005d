package dev.retort.internal.execution;

import org.jspecify.annotations.Nullable;

import dev.retort.internal.graph.RevisionNode;
import dev.retort.internal.script.RevisionScript;
import dev.retort.internal.script.ScriptBody;

/**
 * A loaded {@link RevisionScript} as the runtime runs it.
 *
 * @param script the script
 */
record ScriptRevision(RevisionScript script) implements RunnableRevision {

	@Override
	public RevisionNode node() {
		return this.script.node();
	}

	@Override
	public String source() {
		return this.script.source();
	}

	@Override
	public boolean transactional() {
		return this.script.transactional();
	}

	@Override
	public @Nullable String checksum() {
		return this.script.checksum();
	}

	@Override
	public @Nullable String validationChecksum() {
		return this.script.fileChecksum();
	}

	@Override
	public ScriptBody body() {
		return this.script.body();
	}
}
