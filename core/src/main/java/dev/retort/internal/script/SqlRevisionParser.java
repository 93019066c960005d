package dev.retort.internal.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.internal.database.Databases;
import dev.retort.internal.graph.RevisionNode;

/**
 * Parses SQL revision files: the header (read alone when building the graph, stopping at the first
 * section marker) and the whole file (when the body is needed).
 * <p>
 * Longer than 400 lines on purpose: the header and the body share one line-by-line reading of
 * the file and its error messages (file, line, what is wrong), which stay together here.
 */
final class SqlRevisionParser {

	/** A line that claims to be a section marker: validated strictly. */
	private static final Pattern MARKER = Pattern.compile("^--\\s*\\+(upgrade|downgrade)(.*)$");

	private static final Pattern DIALECT_OPTION = Pattern.compile("^dialect\\s*=\\s*(.*)$");

	/** A {@code Key: value} header line: one to three capitalised words, then a colon. */
	private static final Pattern HEADER = Pattern.compile("^([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2})\\s*:(.*)$");

	/** The plain markers, for every database (a record of an immutable set: shared). */
	private static final Marker UPGRADE = new Marker(true, Set.of());

	private static final Marker DOWNGRADE = new Marker(false, Set.of());

	private static final String REVISION_ID = "Revision ID";

	private static final String REVISES = "Revises";

	private static final String CREATE_DATE = "Create Date";

	private static final String BRANCH_LABELS = "Branch Labels";

	private static final String DEPENDS_ON = "Depends On";

	private static final String TRANSACTIONAL = "Transactional";

	private static final List<String> KEYS = List.of(REVISION_ID, REVISES, CREATE_DATE, BRANCH_LABELS, DEPENDS_ON,
			TRANSACTIONAL);

	private SqlRevisionParser() {
	}

	/** Reads only the header of a revision file: stops at the first section marker. */
	static SqlHeader readHeader(String source, InputStream in) throws IOException {
		HeaderReader header = new HeaderReader(source);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, strictUtf8()))) {
			String text;
			int lineNo = 0;
			while ((text = reader.readLine()) != null) {
				lineNo++;
				if (!header.accept(text, lineNo)) {
					break;
				}
			}
			return header.finish(lineNo);
		}
		catch (CharacterCodingException ex) {
			throw ScriptErrors.malformed(source, 0, "not valid UTF-8 text");
		}
	}

	/**
	 * As {@link #readHeader(String, InputStream)}, from text already in memory: lines end at
	 * {@code \n}, {@code \r} or {@code \r\n}, as {@link BufferedReader#readLine()} splits them.
	 */
	static SqlHeader readHeader(String source, String text) {
		HeaderReader header = new HeaderReader(source);
		int lineNo = 0;
		int start = 0;
		int length = text.length();
		// Searched with indexOf (compiled JDK code from the start) rather than a charAt loop, which runs
		// interpreted for the first files read at every application start.
		boolean hasCr = text.indexOf('\r') >= 0;
		while (start < length) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = length;
			}
			if (hasCr) {
				int cr = text.indexOf('\r', start);
				if (cr >= 0 && cr < end) {
					end = cr;
				}
			}
			lineNo++;
			if (!header.accept(text.substring(start, end), lineNo)) {
				break;
			}
			start = (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n')
					? end + 2 : end + 1;
		}
		return header.finish(lineNo);
	}

	/** Parses a whole file: header and sections, statements split. */
	static Parsed parse(String source, String text) {
		List<String> lines = lines(text);
		HeaderReader headerReader = new HeaderReader(source);
		int index = 0;
		while (index < lines.size() && headerReader.accept(lines.get(index), index + 1)) {
			index++;
		}
		// count lines as BufferedReader does: a final line break does not start another line
		int lineCount = lines.get(lines.size() - 1).isEmpty() ? lines.size() - 1 : lines.size();
		SqlHeader header = headerReader.finish(lineCount);
		return new Parsed(header, parseSections(source, header, lines, index));
	}

	/**
	 * Parses the sections of a file whose header was read from this same text (so it is known to
	 * be valid and where the first section starts): the header is not read again.
	 */
	static SqlBody parseBody(String source, SqlHeader header, String text) {
		return parseSections(source, header, lines(text), header.firstSectionLine() - 1);
	}

	private static List<String> lines(String text) {
		return List.of(SqlStatementSplitter.normalizeLineEndings(text).split("\n", -1));
	}

	/** A parsed file. */
	record Parsed(SqlHeader header, SqlBody body) {
	}

	static CharsetDecoder strictUtf8() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static SqlBody parseSections(String source, SqlHeader header, List<String> lines, int firstMarker) {
		List<SqlSection> upgrade = new ArrayList<>();
		List<SqlSection> downgrade = new ArrayList<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		int index = firstMarker;
		while (index < lines.size()) {
			int markerLine = index + 1;
			Marker marker = marker(source, lines.get(index), markerLine);
			if (marker == null) {
				throw new IllegalStateException("expected a section marker at line " + markerLine);
			}
			String key = marker.direction() + " " + new TreeSet<>(marker.dialects());
			Integer previous = seen.putIfAbsent(key, markerLine);
			if (previous != null) {
				throw ScriptErrors.malformed(source, markerLine,
						"duplicate section marker '" + lines.get(index).strip() + "' (first at line " + previous + ")");
			}
			if (marker.upgrade() && !downgrade.isEmpty()) {
				throw ScriptErrors.malformed(source, markerLine,
						"'-- +upgrade' section after a '-- +downgrade' section; put all upgrade sections first");
			}
			int end = index + 1;
			while (end < lines.size() && marker(source, lines.get(end), end + 1) == null) {
				end++;
			}
			String sectionText = String.join("\n", lines.subList(index + 1, end));
			SqlStatementSplitter.Syntax syntax = mysqlOnly(marker.dialects()) ? SqlStatementSplitter.Syntax.MYSQL
					: SqlStatementSplitter.Syntax.STANDARD;
			List<SqlStatement> statements = SqlStatementSplitter.split(sectionText, source, markerLine + 1, syntax);
			if (marker.upgrade() && statements.isEmpty() && header.downRevisions().size() < 2) {
				throw ScriptErrors.malformed(source, markerLine, "empty upgrade section '" + lines.get(index).strip()
						+ "': it holds no statement (only a merge revision may have an empty upgrade)");
			}
			(marker.upgrade() ? upgrade : downgrade).add(new SqlSection(marker.dialects(), markerLine, statements));
			index = end;
		}
		return new SqlBody(source, upgrade, downgrade.isEmpty() ? null : downgrade);
	}

	/** The marker on this line, or null if the line is no marker; a malformed marker is an error. */
	static @Nullable Marker marker(String source, String line, int lineNo) {
		if (!mayBeMarker(line)) {
			return null;
		}
		String stripped = line.strip();
		// What nearly every file writes, and what the pattern makes of it, without running it at every start.
		if (stripped.equals("-- +upgrade")) {
			return UPGRADE;
		}
		if (stripped.equals("-- +downgrade")) {
			return DOWNGRADE;
		}
		Matcher m = MARKER.matcher(stripped);
		if (!m.matches()) {
			return null;
		}
		boolean upgrade = m.group(1).equals("upgrade");
		String rest = m.group(2);
		if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
			throw ScriptErrors.malformed(source, lineNo, "malformed section marker '" + line.strip()
					+ "': expected '-- +upgrade' or '-- +downgrade', optionally followed by ' dialect=<names>'");
		}
		rest = rest.strip();
		if (rest.isEmpty()) {
			return new Marker(upgrade, Set.of());
		}
		Matcher option = DIALECT_OPTION.matcher(rest);
		if (!option.matches()) {
			throw ScriptErrors.malformed(source, lineNo, "unknown section option '" + rest
					+ "': the only option is dialect=<names>, for example '-- +upgrade dialect=postgresql'");
		}
		Set<String> dialects = new LinkedHashSet<>();
		for (String name : option.group(1).split(",", -1)) {
			String canonical = Databases.canonicalName(name);
			if (canonical == null) {
				throw ScriptErrors.malformed(source, lineNo,
						"unknown dialect '" + name.strip() + "' in section marker; known: " + Databases.NAMES);
			}
			dialects.add(canonical);
		}
		return new Marker(upgrade, dialects);
	}

	/** A section marker: direction and dialect restriction (empty = every dialect). */
	record Marker(boolean upgrade, Set<String> dialects) {

		String direction() {
			return this.upgrade ? "upgrade" : "downgrade";
		}
	}

	/** Consumes header lines one at a time. */
	/**
	 * False when {@link #MARKER} cannot match: it needs {@code --}, optional whitespace, then {@code +}.
	 * Header and body comment lines are most lines read, so most skip the regex (costly before the
	 * JIT has compiled it, as at every application start).
	 */
	private static boolean mayBeMarker(String line) {
		String stripped = line.strip();
		if (!stripped.startsWith("--")) {
			return false;
		}
		int i = 2;
		while (i < stripped.length() && isRegexSpace(stripped.charAt(i))) {
			i++;
		}
		return i < stripped.length() && stripped.charAt(i) == '+';
	}

	/** Regex {@code \s}. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	/**
	 * What {@link #HEADER} matches in {@code text}, as {name, value}, or {@code null}: by hand, as
	 * this runs for every header line of every file at each start; the regex decides only for text
	 * with a line-terminator character after the colon (which {@code .} does not match).
	 */
	static String @Nullable [] headerLine(String text) {
		int colon = text.indexOf(':');
		if (colon < 1 || text.charAt(0) < 'A' || text.charAt(0) > 'Z') {
			return null;
		}
		for (int i = colon + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				Matcher m = HEADER.matcher(text);
				return m.matches() ? new String[] { m.group(1), m.group(2) } : null;
			}
		}
		int end = colon;
		while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
			end--;
		}
		// The name: one to three words [A-Z][A-Za-z]*, separated by single spaces.
		int i = 0;
		int words = 0;
		while (true) {
			if (i >= end || text.charAt(i) < 'A' || text.charAt(i) > 'Z') {
				return null;
			}
			i++;
			while (i < end && isAsciiLetter(text.charAt(i))) {
				i++;
			}
			words++;
			if (i == end) {
				break;
			}
			if (text.charAt(i) != ' ' || words == 3) {
				return null;
			}
			i++;
		}
		return new String[] { text.substring(0, end), text.substring(colon + 1) };
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

	private static final class HeaderReader {

		private final String source;

		/** The value of each header of {@link #KEYS}, by its index there; null where absent. */
		private final @Nullable String[] values = new String[KEYS.size()];

		/** The line of each header of {@link #KEYS}, by its index there. */
		private final int[] lineOf = new int[KEYS.size()];

		private @Nullable String message;

		private @Nullable Marker firstMarker;

		private int firstMarkerLine;

		HeaderReader(String source) {
			this.source = source;
		}

		/** Takes one line; returns false at the first section marker. */
		boolean accept(String rawLine, int lineNo) {
			String line = (lineNo == 1 && rawLine.startsWith("\uFEFF")) ? rawLine.substring(1) : rawLine;
			String stripped = line.strip();
			if (stripped.isEmpty()) {
				return true;
			}
			if (!stripped.startsWith("--")) {
				throw ScriptErrors.malformed(this.source, lineNo, "text outside a section: before the first '-- +upgrade'"
						+ " marker only '--' header comment lines may appear, found '" + abbreviate(stripped) + "'");
			}
			Marker marker = marker(this.source, stripped, lineNo);
			if (marker != null) {
				this.firstMarker = marker;
				this.firstMarkerLine = lineNo;
				return false;
			}
			String text = stripped.substring(2).strip();
			if (text.isEmpty()) {
				return true;
			}
			String[] header = headerLine(text);
			int key = (header != null) ? knownKey(header[0]) : -1;
			if (key >= 0) {
				if (this.values[key] != null) {
					throw ScriptErrors.malformed(this.source, lineNo,
							"duplicate header '" + KEYS.get(key) + ":' (first at line " + this.lineOf[key] + ")");
				}
				this.values[key] = header[1].strip();
				this.lineOf[key] = lineNo;
			}
			else if (this.message == null) {
				this.message = text;
			}
			else if (header != null) {
				throw ScriptErrors.malformed(this.source, lineNo, "unknown header '" + header[0]
						+ ":'; known headers: " + String.join(", ", KEYS));
			}
			return true;
		}

		SqlHeader finish(int lastLine) {
			String id = value(REVISION_ID);
			if (id == null) {
				throw ScriptErrors.malformed(this.source, 1, "missing 'Revision ID:' header");
			}
			int idLine = lineOf(REVISION_ID);
			String idProblem = RevisionIds.idProblem(id);
			if (idProblem != null) {
				throw ScriptErrors.at(CoreErrorCode.ILLEGAL_REVISION_ID, null, this.source, idLine, idProblem);
			}
			String revises = value(REVISES);
			if (revises == null) {
				throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, id, this.source, 1,
						"missing 'Revises:' header (leave its value empty for a base revision)");
			}
			List<String> down = list(REVISES, revises, id, true);
			String labelValue = value(BRANCH_LABELS);
			List<String> labels = list(BRANCH_LABELS, (labelValue != null) ? labelValue : "", id, false);
			String dependsValue = value(DEPENDS_ON);
			List<String> depends = list(DEPENDS_ON, (dependsValue != null) ? dependsValue : "", id, false);
			boolean transactional = true;
			String tx = value(TRANSACTIONAL);
			if (tx != null) {
				if (tx.equalsIgnoreCase("true")) {
					transactional = true;
				}
				else if (tx.equalsIgnoreCase("false")) {
					transactional = false;
				}
				else {
					throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, id, this.source, lineOf(TRANSACTIONAL),
							"'Transactional:' must be true or false, found '" + tx + "'");
				}
			}
			if (this.firstMarker == null) {
				throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, id, this.source, lastLine,
						"no '-- +upgrade' section");
			}
			if (!this.firstMarker.upgrade()) {
				throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, id, this.source, this.firstMarkerLine,
						"'-- +downgrade' section before any '-- +upgrade' section");
			}
			String createDate = value(CREATE_DATE);
			RevisionNode node = new RevisionNode(id, down, labels, depends, (this.message != null) ? this.message : "",
					this.source);
			return new SqlHeader(node, createDate, transactional, this.firstMarkerLine);
		}

		private List<String> list(String key, String value, String id, boolean ids) {
			if (value.isEmpty()) {
				return List.of();
			}
			int line = lineOf(key);
			List<String> result = new ArrayList<>(2);
			// value.split(",", -1) by hand: this runs for every file at every start
			int from = 0;
			while (from <= value.length()) {
				int comma = value.indexOf(',', from);
				int to = (comma < 0) ? value.length() : comma;
				String item = value.substring(from, to).strip();
				from = to + 1;
				if (item.isEmpty()) {
					throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, id, this.source, line,
							"empty entry in '" + key + ": " + value + "'");
				}
				String problem = ids ? RevisionIds.idProblem(item) : RevisionIds.nameProblem(item);
				if (problem != null) {
					throw ScriptErrors.at(ids ? CoreErrorCode.ILLEGAL_REVISION_ID : CoreErrorCode.MALFORMED_REVISION, id,
							this.source, line, "in '" + key + ":': " + problem);
				}
				if (result.contains(item)) {
					throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, id, this.source, line,
							"'" + item + "' listed twice in '" + key + ":'");
				}
				result.add(item);
			}
			return result;
		}

		/** The index in {@link #KEYS} of the header named {@code key}, or -1. */
		private static int knownKey(String key) {
			for (int i = 0; i < KEYS.size(); i++) {
				// Both are ASCII letters and spaces (the header pattern), where this is the same as comparing
				// the lower-case forms.
				if (KEYS.get(i).equalsIgnoreCase(key)) {
					return i;
				}
			}
			return -1;
		}

		private @Nullable String value(String key) {
			return this.values[KEYS.indexOf(key)];
		}

		private int lineOf(String key) {
			return this.lineOf[KEYS.indexOf(key)];
		}

		private static String abbreviate(String text) {
			return (text.length() <= 60) ? text : text.substring(0, 57) + "...";
		}
	}

	/** Whether a section is only for databases that read SQL text as MySQL does (backticks, backslash escapes). */
	private static boolean mysqlOnly(Set<String> dialects) {
		if (dialects.isEmpty()) {
			return false;
		}
		for (String dialect : dialects) {
			if (!Databases.byName(dialect).dialect().mysqlLexicon()) {
				return false;
			}
		}
		return true;
	}
}
