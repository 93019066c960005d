package dev.retort.internal.database;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * Checks that an identifier is one a database would accept unquoted: letters, digits, {@code _} and
 * {@code $}, not empty, not longer than the dialect allows. Retort then quotes it anyway, so a
 * reserved word still works; what the check guarantees is that no table, column or schema name can
 * carry SQL (a quote, a semicolon, a space, a comment).
 */
public final class IdentifierValidator {

	private final int maxLength;

	private final String dialectName;

	private final boolean lengthInBytes;

	/**
	 * @param maxLength the longest identifier the database accepts
	 * @param dialectName the dialect, named in error messages
	 * @param lengthInBytes whether the limit counts UTF-8 bytes (PostgreSQL) rather than characters
	 */
	public IdentifierValidator(int maxLength, String dialectName, boolean lengthInBytes) {
		this.maxLength = maxLength;
		this.dialectName = dialectName;
		this.lengthInBytes = lengthInBytes;
	}

	/** The longest identifier accepted. */
	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * Returns {@code identifier} if it is valid.
	 * @param identifier the identifier
	 * @param origin where it came from, for the error message (e.g. {@code "createTable table name"})
	 * @throws RetortException {@link CoreErrorCode#INVALID_IDENTIFIER} naming the identifier and its origin
	 */
	public String validate(@org.jspecify.annotations.Nullable String identifier, String origin) {
		if (identifier == null || identifier.isEmpty()) {
			throw invalid(identifier, origin, "it is empty");
		}
		int length = this.lengthInBytes ? identifier.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
				: identifier.codePointCount(0, identifier.length());
		if (length > this.maxLength) {
			String unit = this.lengthInBytes ? " bytes" : " characters";
			throw invalid(identifier, origin, "it is " + length + unit + " long; " + this.dialectName
					+ " allows at most " + this.maxLength + unit);
		}
		for (int i = 0; i < identifier.length();) {
			int cp = identifier.codePointAt(i);
			if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '$')) {
				throw invalid(identifier, origin, "it contains " + describe(cp)
						+ "; only letters, digits, '_' and '$' are allowed");
			}
			i += Character.charCount(cp);
		}
		return identifier;
	}

	private static String describe(int cp) {
		if (Character.isWhitespace(cp)) {
			return "whitespace";
		}
		if (Character.isISOControl(cp)) {
			return String.format("the control character U+%04X", cp);
		}
		return "'" + new String(Character.toChars(cp)) + "'";
	}

	private static RetortException invalid(@org.jspecify.annotations.Nullable String identifier, String origin,
			String reason) {
		String shown = (identifier == null) ? "null" : "\"" + printable(identifier) + "\"";
		return new RetortException(CoreErrorCode.INVALID_IDENTIFIER,
				"Invalid identifier " + shown + " (" + origin + "): " + reason);
	}

	private static String printable(String s) {
		StringBuilder b = new StringBuilder();
		s.codePoints().limit(80).forEach(cp -> {
			if (Character.isISOControl(cp)) {
				b.append(String.format("\\u%04x", cp));
			}
			else {
				b.appendCodePoint(cp);
			}
		});
		return (s.length() > 80) ? b + "..." : b.toString();
	}
}
