package dev.retort.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.retort.internal.graph.RevisionNode;

/**
 * One case of the Alembic conformance corpus, over its raw JSON (see the corpus's FORMAT.md).
 *
 * @param fileName the case's file name
 * @param json the parsed file
 */
public record ConformanceCase(String fileName, Map<String, Object> json) {

	/** What Alembic warns when {@code downgrade -1} starts from several version rows and picks one. */
	private static final String AMBIGUOUS_DOWNGRADE_WARNING = "downgrade -1 from multiple heads is ambiguous";

	/** The case id ({@code 0001}, {@code invalid_self_loop}, ...). */
	public String id() {
		return (String) this.json.get("case_id");
	}

	/** Whether the graph is one Alembic refused to load. */
	public boolean invalid() {
		return ((String) this.json.get("kind")).startsWith("invalid:");
	}

	/** The revisions in Alembic's load order. */
	@SuppressWarnings("unchecked")
	public List<RevisionNode> revisions() {
		Map<String, Object> graph = (Map<String, Object>) this.json.get("graph");
		List<RevisionNode> nodes = new ArrayList<>();
		for (Map<String, Object> r : (List<Map<String, Object>>) graph.get("revisions")) {
			nodes.add(new RevisionNode((String) r.get("id"), strings(r.get("down_revisions")),
					strings(r.get("branch_labels")), strings(r.get("depends_on")), (String) r.get("message"),
					"conformance case " + id()));
		}
		return nodes;
	}

	/** The recorded operations, in order. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> operations() {
		Object ops = this.json.get("operations");
		return (ops != null) ? (List<Map<String, Object>>) ops : List.of();
	}

	/** A top-level object, or an empty map. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> object(String key) {
		Object value = this.json.get(key);
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	/** A JSON array of strings as a list. */
	@SuppressWarnings("unchecked")
	public static List<String> strings(Object value) {
		return (value == null) ? List.of() : (List<String>) value;
	}

	/** The error category of an ERROR object (or null). */
	@SuppressWarnings("unchecked")
	public static String category(Object error) {
		return (error == null) ? null : (String) ((Map<String, Object>) error).get("category");
	}

	/**
	 * Whether {@code actual} matches an operation's recorded {@code field} under the corpus's
	 * rules: the recorded value, or for a field Alembic varies on, any recorded alternative (or
	 * anything, when the variation is known but no alternative was observed).
	 */
	@SuppressWarnings("unchecked")
	public static boolean matchesRecorded(Map<String, Object> op, String field, Object actual) {
		if (java.util.Objects.equals(op.get(field), actual)) {
			return true;
		}
		if (!strings(op.get("unstable_fields")).contains(field)) {
			return false;
		}
		List<Map<String, Object>> alternatives = alternatives(op);
		return alternatives.stream().noneMatch((a) -> a.containsKey(field)) || alternatives.stream()
			.anyMatch((a) -> a.containsKey(field) && java.util.Objects.equals(a.get(field), actual));
	}

	/** Adds a problem unless {@code actual} matches the operation's recorded {@code field} ({@link #matchesRecorded}). */
	public static void checkRecorded(List<String> problems, String what, String field, Map<String, Object> op,
			Object actual) {
		if (!matchesRecorded(op, field, actual)) {
			problems.add(what + ": " + field + " expected " + op.get(field) + ", got " + actual);
		}
	}

	/** Whether Alembic warned that this {@code downgrade -1} from several version rows guessed a row. */
	public static boolean warnsAmbiguousDowngrade(Map<String, Object> op) {
		return strings(op.get("warnings")).stream().anyMatch((w) -> w.contains(AMBIGUOUS_DOWNGRADE_WARNING));
	}

	/** Whether Alembic crashed (INTERNAL_ERROR) on the operation, as recorded or in a recorded alternative. */
	public static boolean alembicCrashed(Map<String, Object> op) {
		List<String> unstable = strings(op.get("unstable_fields"));
		return "INTERNAL_ERROR".equals(category(op.get("error")))
				|| ((unstable.contains("outcome") || unstable.contains("error"))
						&& alternatives(op).stream().anyMatch((a) -> "INTERNAL_ERROR".equals(category(a.get("error")))));
	}

	/**
	 * Whether an error of category {@code actual} (null: no error) is the recorded one, or where the
	 * error varies across runs, a recorded alternative's.
	 */
	public static boolean errorMatches(Map<String, Object> op, String actual) {
		return actual != null && (actual.equals(category(op.get("error")))
				|| strings(op.get("unstable_fields")).contains("error")
						&& alternatives(op).stream().anyMatch((a) -> actual.equals(category(a.get("error")))));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> alternatives(Map<String, Object> op) {
		return (List<Map<String, Object>>) op.getOrDefault("alternatives", List.of());
	}

	@Override
	public String toString() {
		return this.fileName;
	}
}
