package dev.retort.internal.database;

import java.util.List;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * Replaces JDBC {@code ?} parameters with literals for offline SQL, skipping question marks inside
 * string literals, quoted identifiers, comments and PostgreSQL dollar quotes. On PostgreSQL {@code ??}
 * stands for a literal {@code ?}, as in its JDBC driver.
 */
final class Placeholders {

	private Placeholders() {
	}

	static String inline(String sql, List<?> params, SqlDialect dialect) {
		boolean mysql = dialect.mysqlLexicon();
		boolean postgres = dialect.postgresLexicon();
		StringBuilder out = new StringBuilder(sql.length() + params.size() * 8);
		int used = 0;
		int i = 0;
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			if (c == '\'' || c == '"' || (c == '`' && mysql)) {
				int end = skipQuoted(sql, i, c, mysql && c != '`');
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || (c == '#' && mysql)) {
				int end = sql.indexOf('\n', i);
				end = (end < 0) ? n : end;
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
				int end = sql.indexOf("*/", i + 2);
				end = (end < 0) ? n : end + 2;
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '$' && postgres && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
				int tagEnd = sql.indexOf('$', i + 1);
				String tag = (tagEnd < 0) ? null : sql.substring(i, tagEnd + 1);
				if (tag != null && tag.substring(1, tag.length() - 1).chars()
					.allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
					int close = sql.indexOf(tag, tagEnd + 1);
					int end = (close < 0) ? n : close + tag.length();
					out.append(sql, i, end);
					i = end;
				}
				else {
					out.append(c);
					i++;
				}
			}
			else if (c == '?') {
				if (postgres && i + 1 < n && sql.charAt(i + 1) == '?') {
					out.append('?');
					i += 2;
					continue;
				}
				if (used >= params.size()) {
					throw mismatch(sql, params.size(), "more");
				}
				out.append(dialect.literal(params.get(used++)));
				i++;
			}
			else {
				out.append(c);
				i++;
			}
		}
		if (used != params.size()) {
			throw mismatch(sql, params.size(), "fewer (" + used + ")");
		}
		return out.toString();
	}

	private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
		int i = start + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
				continue;
			}
			if (c == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	private static RetortException mismatch(String sql, int given, String found) {
		return RetortException.builder(CoreErrorCode.INVALID_OPERATION,
				"Statement has " + found + " ? placeholders than the " + given + " parameters given: " + sql)
			.statement(sql)
			.build();
	}
}
