package dev.retort;

import java.util.List;


/** Argument checks shared by the DSL's value types. */
final class Checks {

	private Checks() {
	}

	static RetortException invalid(String message) {
		return new RetortException(CoreErrorCode.INVALID_OPERATION, message);
	}

	static List<String> nonEmpty(List<String> columns, String what) {
		if (columns.isEmpty()) {
			throw invalid(what + " needs at least one column");
		}
		return List.copyOf(columns);
	}

	static String notBlank(String text, String what) {
		if (text.isBlank()) {
			throw invalid(what + " must not be blank");
		}
		return text;
	}
}
