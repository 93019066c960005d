package dev.retort.internal.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * Splits a SQL script into statements on {@code ;}, the way a database's own command-line client
 * would. A {@code ;} does not end a statement inside:
 * <ul>
 * <li>a string literal {@code '...'} ({@code ''} escapes a quote; {@code E'...'} strings and, in
 * {@link Syntax#MYSQL}, every string also take backslash escapes),</li>
 * <li>a quoted identifier {@code "..."} or {@code `...`},</li>
 * <li>a {@code --} line comment ({@code #} too in {@link Syntax#MYSQL}) or a {@code /* *}{@code /}
 * block comment (nested in {@link Syntax#STANDARD}, as PostgreSQL and H2 allow),</li>
 * <li>a PostgreSQL dollar-quoted string {@code $$...$$} or {@code $tag$...$tag$} (function
 * bodies),</li>
 * <li>the {@code BEGIN ... END} body of a {@code CREATE [OR REPLACE] FUNCTION | PROCEDURE | TRIGGER
 * | EVENT} statement written without dollar quotes (MySQL/MariaDB, or SQL-standard
 * {@code BEGIN ATOMIC} bodies), and a MariaDB {@code BEGIN NOT ATOMIC ... END} block. Inside such a
 * body, {@code BEGIN} and {@code CASE} open a block that {@code END} closes; {@code END IF},
 * {@code END LOOP}, {@code END WHILE}, {@code END REPEAT} and {@code END FOR} close nothing that was
 * counted. No {@code DELIMITER} command is needed (or understood).</li>
 * </ul>
 * Statements are returned without their {@code ;} and without leading or trailing comments and
 * whitespace; empty and comment-only statements are dropped. Each carries the line where its first
 * token starts. An unterminated quote, dollar quote, block comment or {@code BEGIN} block is a
 * {@link CoreErrorCode#MALFORMED_REVISION} naming the source and the line where it opened.
 */
public final class SqlStatementSplitter {

	/** Lexical rules to apply. */
	public enum Syntax {

		/** PostgreSQL and H2: standard strings, dollar quoting, nested block comments. */
		STANDARD,

		/**
		 * MySQL and MariaDB: backslash escapes in strings, {@code #} comments, {@code /*!...*}{@code /}
		 * executable comments kept as code, no dollar quoting, block comments do not nest.
		 */
		MYSQL
	}

	private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

	private static final Pattern NOT_ATOMIC = Pattern.compile("\\s+NOT\\s+ATOMIC\\b", Pattern.CASE_INSENSITIVE);

	private static final Set<String> ROUTINE_KINDS = Set.of("FUNCTION", "PROCEDURE", "TRIGGER", "EVENT");

	private static final Set<String> NON_COUNTED_ENDS = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");

	private SqlStatementSplitter() {
	}

	/** Splits a standalone script with {@link Syntax#STANDARD} rules; errors name {@code <script>}. */
	public static List<SqlStatement> split(String script) {
		return split(script, "<script>", 1, Syntax.STANDARD);
	}

	/**
	 * Splits {@code script}, whose first character is on line {@code firstLine} of {@code source}.
	 * Line endings may be LF, CRLF or CR.
	 */
	public static List<SqlStatement> split(String script, String source, int firstLine, Syntax syntax) {
		return new Scan(normalizeLineEndings(script), source, firstLine, syntax).run();
	}

	static String normalizeLineEndings(String text) {
		if (text.indexOf('\r') < 0) {
			return text;
		}
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	/** One pass over one script; all state is local to it. */
	private static final class Scan {

		private final String s;

		private final String source;

		private final Syntax syntax;

		private final List<SqlStatement> statements = new ArrayList<>();

		private int i;

		private int line;

		/** Index of the current statement's first code character, or -1 before it. */
		private int start = -1;

		private int startLine;

		/** Index just after the current statement's last code character. */
		private int codeEnd;

		/** Words of the current statement before its first BEGIN, upper-cased (a few suffice). */
		private final List<String> leadingWords = new ArrayList<>();

		/** Depth of BEGIN/CASE blocks inside a routine body. */
		private int depth;

		private int blockLine;

		Scan(String s, String source, int firstLine, Syntax syntax) {
			this.s = s;
			this.source = source;
			this.line = firstLine;
			this.syntax = syntax;
		}

		List<SqlStatement> run() {
			int n = this.s.length();
			while (this.i < n) {
				char c = this.s.charAt(this.i);
				char next = (this.i + 1 < n) ? this.s.charAt(this.i + 1) : '\0';
				if (c == '\n') {
					this.line++;
					this.i++;
				}
				else if (Character.isWhitespace(c)) {
					this.i++;
				}
				else if ((c == '-' && next == '-') || (c == '#' && this.syntax == Syntax.MYSQL)) {
					skipLineComment();
				}
				else if (c == '/' && next == '*') {
					blockComment();
				}
				else if (c == '\'' || c == '"') {
					code();
					quoted(c, this.syntax == Syntax.MYSQL);
				}
				else if (c == '`') {
					code();
					quoted(c, false);
				}
				else if (c == '$' && this.syntax == Syntax.STANDARD && dollarQuote()) {
					// consumed
				}
				else if (Character.isLetter(c) || c == '_') {
					word();
				}
				else if (c == ';' && this.depth == 0) {
					endStatement();
					this.i++;
				}
				else {
					code();
					this.i++;
					this.codeEnd = this.i;
				}
			}
			if (this.depth > 0) {
				throw error(this.blockLine, "BEGIN ... END block not closed (statement starting at line "
						+ this.startLine + ")");
			}
			endStatement();
			return List.copyOf(this.statements);
		}

		private void code() {
			if (this.start < 0) {
				this.start = this.i;
				this.startLine = this.line;
			}
		}

		private void endStatement() {
			if (this.start >= 0) {
				this.statements.add(new SqlStatement(this.s.substring(this.start, this.codeEnd), this.startLine));
			}
			this.start = -1;
			this.leadingWords.clear();
			this.depth = 0;
		}

		private void skipLineComment() {
			int end = this.s.indexOf('\n', this.i);
			this.i = (end < 0) ? this.s.length() : end;
		}

		private void blockComment() {
			int openLine = this.line;
			boolean executable = this.syntax == Syntax.MYSQL && this.i + 2 < this.s.length()
					&& this.s.charAt(this.i + 2) == '!';
			if (executable) {
				code();
			}
			boolean nests = this.syntax == Syntax.STANDARD;
			int level = 0;
			int n = this.s.length();
			while (this.i < n) {
				char c = this.s.charAt(this.i);
				char next = (this.i + 1 < n) ? this.s.charAt(this.i + 1) : '\0';
				if (c == '/' && next == '*' && (level == 0 || nests)) {
					level++;
					this.i += 2;
				}
				else if (c == '*' && next == '/') {
					level--;
					this.i += 2;
					if (level == 0) {
						if (executable) {
							this.codeEnd = this.i;
						}
						return;
					}
				}
				else {
					if (c == '\n') {
						this.line++;
					}
					this.i++;
				}
			}
			throw error(openLine, "unterminated block comment /* opened");
		}

		private void quoted(char quote, boolean backslashEscapes) {
			int openLine = this.line;
			int n = this.s.length();
			this.i++;
			while (this.i < n) {
				char c = this.s.charAt(this.i);
				if (c == '\n') {
					this.line++;
				}
				if (backslashEscapes && c == '\\' && this.i + 1 < n) {
					if (this.s.charAt(this.i + 1) == '\n') {
						this.line++;
					}
					this.i += 2;
					continue;
				}
				if (c == quote) {
					if (this.i + 1 < n && this.s.charAt(this.i + 1) == quote) {
						this.i += 2;
						continue;
					}
					this.i++;
					this.codeEnd = this.i;
					return;
				}
				this.i++;
			}
			String what = switch (quote) {
				case '\'' -> "string literal (')";
				case '"' -> "quoted identifier (\")";
				default -> "quoted identifier (`)";
			};
			throw error(openLine, "unterminated " + what + " opened");
		}

		/** At a '$': consumes a dollar-quoted string and returns true, or returns false if none starts here. */
		private boolean dollarQuote() {
			if (this.i > 0 && isIdentifierPart(this.s.charAt(this.i - 1))) {
				return false;
			}
			Matcher m = DOLLAR_TAG.matcher(this.s).region(this.i, this.s.length());
			if (!m.lookingAt()) {
				return false;
			}
			String tag = m.group();
			int close = this.s.indexOf(tag, m.end());
			if (close < 0) {
				throw error(this.line, "unterminated dollar quote " + tag + " opened");
			}
			code();
			int end = close + tag.length();
			for (int k = this.i; k < end; k++) {
				if (this.s.charAt(k) == '\n') {
					this.line++;
				}
			}
			this.i = end;
			this.codeEnd = end;
			return true;
		}

		private void word() {
			code();
			int from = this.i;
			int n = this.s.length();
			while (this.i < n && isIdentifierPart(this.s.charAt(this.i))) {
				this.i++;
			}
			this.codeEnd = this.i;
			String word = this.s.substring(from, this.i).toUpperCase(Locale.ROOT);
			if (word.equals("E") && this.i < n && this.s.charAt(this.i) == '\'') {
				quoted('\'', true);
				return;
			}
			if (this.depth > 0) {
				insideBody(word);
				return;
			}
			if (word.equals("BEGIN") && opensBody()) {
				this.depth = 1;
				this.blockLine = this.line;
			}
			if (this.leadingWords.size() < 12) {
				this.leadingWords.add(word);
			}
		}

		private boolean opensBody() {
			if (this.leadingWords.isEmpty()) {
				return NOT_ATOMIC.matcher(this.s).region(this.i, this.s.length()).lookingAt();
			}
			return this.leadingWords.get(0).equals("CREATE")
					&& this.leadingWords.stream().anyMatch(ROUTINE_KINDS::contains);
		}

		private void insideBody(String word) {
			if (word.equals("BEGIN") || word.equals("CASE")) {
				this.depth++;
			}
			else if (word.equals("END") && !NON_COUNTED_ENDS.contains(nextWord())) {
				this.depth--;
			}
		}

		private String nextWord() {
			int k = this.i;
			int n = this.s.length();
			while (k < n && Character.isWhitespace(this.s.charAt(k))) {
				k++;
			}
			int from = k;
			while (k < n && isIdentifierPart(this.s.charAt(k))) {
				k++;
			}
			return this.s.substring(from, k).toUpperCase(Locale.ROOT);
		}

		private static boolean isIdentifierPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '$';
		}

		private RetortException error(int atLine, String problem) {
			return ScriptErrors.malformed(this.source, atLine, problem);
		}
	}
}
