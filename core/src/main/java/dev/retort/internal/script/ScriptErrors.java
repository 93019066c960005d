package dev.retort.internal.script;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;
import dev.retort.RetortException;

/** Builds the exceptions of this package with one message shape: {@code <source>, line <n>: <problem>}. */
final class ScriptErrors {

	private ScriptErrors() {
	}

	static RetortException malformed(String source, int line, String problem) {
		return at(CoreErrorCode.MALFORMED_REVISION, null, source, line, problem);
	}

	static RetortException at(ErrorCode code, @Nullable String revision, String source, int line, String problem) {
		String where = (line > 0) ? source + ", line " + line : source;
		return RetortException.builder(code, where + ": " + problem)
			.revision(revision)
			.source(source)
			.line(line)
			.build();
	}
}
