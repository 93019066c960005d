package dev.retort.internal.script;

import org.jspecify.annotations.Nullable;

import dev.retort.ErrorCode;
import dev.retort.RetortException;

/** Builds the exceptions of this package with one message shape: {@code <source>, line <n>: <problem>}. */
final class ScriptErrors {

	private ScriptErrors() {
	}

	static RetortException malformed(String source, int line, String problem) {
		return at(ErrorCode.MALFORMED_REVISION, null, source, line, problem);
	}

	static RetortException at(ErrorCode code, @Nullable String revision, String source, int line, String problem) {
		String where = (line > 0) ? source + ", line " + line : source;
		return new RetortException(code, where + ": " + problem, revision, source, line, null, null);
	}
}
