package dev.retort.internal.script;

import dev.retort.Migration;

/**
 * The body of a Java revision.
 *
 * @param migration the instance to call
 */
public record JavaBody(Migration migration) implements ScriptBody {

	@Override
	public boolean reversible() {
		return this.migration.isReversible();
	}
}
