package dev.retort.internal.database.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the SQL text SQLite keeps in {@code sqlite_master}: splits a {@code CREATE TABLE} into its
 * column definitions and table constraints, and a definition into tokens. Quotes ({@code '...'},
 * {@code "..."}, {@code `...`}, {@code [...]}), parentheses and comments are kept whole, so a comma
 * or keyword inside a default, a check or a quoted name is never taken for structure.
 */
final class SqliteSql {

	private SqliteSql() {
	}

	/** A {@code CREATE TABLE} taken apart: the text before the parenthesis, the items, the text after. */
	record CreateTable(String head, List<String> items, String tail) {
	}

	static CreateTable parseCreateTable(String sql) {
		int open = -1;
		int depth = 0;
		int close = -1;
		List<String> items = new ArrayList<>();
		int itemStart = -1;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			int skip = skipQuotedOrComment(sql, i);
			if (skip > i) {
				i = skip - 1;
				continue;
			}
			if (c == '(') {
				if (depth == 0 && open < 0) {
					open = i;
					itemStart = i + 1;
				}
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0 && open >= 0) {
					items.add(sql.substring(itemStart, i).strip());
					close = i;
					break;
				}
			}
			else if (c == ',' && depth == 1) {
				items.add(sql.substring(itemStart, i).strip());
				itemStart = i + 1;
			}
		}
		if (open < 0 || close < 0) {
			throw new IllegalArgumentException("Not a CREATE TABLE with a column list: " + sql);
		}
		return new CreateTable(sql.substring(0, open).strip(), items, sql.substring(close + 1).strip());
	}

	/** The tokens of one item: words, quoted names and strings, parenthesised groups, single characters. */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			int skip = skipQuotedOrComment(text, i);
			if (skip > i) {
				if (c != '-' && c != '/') {
					tokens.add(text.substring(i, skip));
				}
				i = skip;
			}
			else if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(') {
				int end = closingParenthesis(text, i);
				tokens.add(text.substring(i, end + 1));
				i = end + 1;
			}
			else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.') {
				int end = i;
				while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
						|| text.charAt(end) == '$' || text.charAt(end) == '.')) {
					end++;
				}
				tokens.add(text.substring(i, end));
				i = end;
			}
			else {
				tokens.add(String.valueOf(c));
				i++;
			}
		}
		return tokens;
	}

	/** An identifier token without its quotes. */
	static String unquote(String token) {
		if (token.length() >= 2) {
			char first = token.charAt(0);
			char last = token.charAt(token.length() - 1);
			if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')
					|| (first == '\'' && last == '\'')) {
				String inner = token.substring(1, token.length() - 1);
				return (first == '[') ? inner : inner.replace(String.valueOf(first) + first, String.valueOf(first));
			}
		}
		return token;
	}

	static boolean is(String token, String keyword) {
		return token.toUpperCase(Locale.ROOT).equals(keyword);
	}

	private static int closingParenthesis(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			int skip = skipQuotedOrComment(text, i);
			if (skip > i) {
				i = skip - 1;
				continue;
			}
			char c = text.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		return text.length() - 1;
	}

	/** The index after a quoted text or comment starting at {@code i}, or {@code i} if none starts there. */
	private static int skipQuotedOrComment(String text, int i) {
		char c = text.charAt(i);
		if (c == '\'' || c == '"' || c == '`' || c == '[') {
			char end = (c == '[') ? ']' : c;
			int j = i + 1;
			while (j < text.length()) {
				if (text.charAt(j) == end) {
					if (end != ']' && j + 1 < text.length() && text.charAt(j + 1) == end) {
						j += 2;
						continue;
					}
					return j + 1;
				}
				j++;
			}
			return text.length();
		}
		if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
			int eol = text.indexOf('\n', i);
			return (eol < 0) ? text.length() : eol + 1;
		}
		if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
			int close = text.indexOf("*/", i + 2);
			return (close < 0) ? text.length() : close + 2;
		}
		return i;
	}
}
