package dev.retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.retort.RevisionInfo;
import dev.retort.cli.format.AlembicFormat;
import dev.retort.cli.format.RevisionIndex;
import dev.retort.cli.format.StepLines;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's Alembic forms checked against real Alembic output: the verbatim {@code alembic history}
 * lines recorded in the conformance corpus ({@code queries.history[].result.lines}).
 */
class CliFormatTest {

	/** A label group right after {@code -> id}: its order comes from a Python set in Alembic. */
	private static final Pattern LABEL_GROUP = Pattern.compile(
			"^(.* -> \\S+) \\((?!head\\)|effective head\\)|branchpoint\\)|mergepoint\\)|current\\))([^)]*)\\)(.*)$");

	@Test
	void historyLinesMatchAlembicsRecordedOutputForEveryCorpusCase() throws IOException {
		Path corpus = Path.of(System.getProperty("retort.conformance.dir", "../../shared/conformance/alembic"));
		assertThat(corpus).as("conformance corpus folder").isDirectory();
		ObjectMapper mapper = new ObjectMapper();
		int cases = 0;
		int lines = 0;
		boolean sawMerge = false;
		boolean sawBranch = false;
		boolean sawEffectiveHead = false;
		boolean sawDependency = false;
		boolean sawLabels = false;
		try (Stream<Path> files = Files.list(corpus)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode root = mapper.readTree(file.toFile());
				JsonNode queries = root.get("queries");
				if (queries == null || queries.get("history") == null) {
					continue;
				}
				Map<String, RevisionInfo> revisions = revisions(root);
				for (JsonNode history : queries.get("history").values()) {
					JsonNode result = history.get("result");
					if (!history.get("range").isNull() || result == null
							|| !history.path("stable_across_hash_seeds").asBoolean(true)) {
						continue;
					}
					List<RevisionInfo> newestFirst = new ArrayList<>();
					result.get("ids").values().forEach((id) -> newestFirst.add(revisions.get(id.asString())));
					AlembicFormat format = new AlembicFormat(new RevisionIndex(newestFirst), (r) -> "");
					List<String> expected = new ArrayList<>();
					result.get("lines").values().forEach((line) -> expected.add(normalizeLabels(line.asString())));
					List<String> actual = newestFirst.stream()
						.map((revision) -> normalizeLabels(format.historyLine(revision, false)))
						.toList();
					assertThat(actual).as(file.getFileName().toString()).isEqualTo(expected);
					cases++;
					lines += expected.size();
					for (String line : expected) {
						sawMerge |= line.contains("(mergepoint)");
						sawBranch |= line.contains("(branchpoint)");
						sawEffectiveHead |= line.contains("(effective head)");
						sawDependency |= line.matches("^\\S.* \\(.*\\) -> .*");
						sawLabels |= LABEL_GROUP.matcher(line).matches();
					}
				}
			}
		}
		assertThat(cases).as("corpus cases with a full history").isGreaterThan(50);
		assertThat(lines).isGreaterThan(500);
		assertThat(sawMerge && sawBranch && sawEffectiveHead && sawDependency && sawLabels)
			.as("the corpus exercised every form").isTrue();
	}

	@Test
	void historyLineOfASimpleChain() {
		RevisionInfo base = revision("1a2b", List.of(), List.of(), List.of(), "create users", false, false, false);
		RevisionInfo head = revision("3c4d", List.of("1a2b"), List.of(), List.of(), "add email", true, false, false);
		AlembicFormat format = new AlembicFormat(new RevisionIndex(List.of(head, base)), (r) -> "");
		assertThat(format.historyLine(head, false)).isEqualTo("1a2b -> 3c4d (head), add email");
		assertThat(format.historyLine(base, false)).isEqualTo("<base> -> 1a2b, create users");
		assertThat(format.historyLine(head, true)).isEqualTo("1a2b -> 3c4d (head) (current), add email");
		assertThat(format.currentLine(head)).isEqualTo("3c4d (head)");
		assertThat(format.currentLine(base)).isEqualTo("1a2b");
	}

	@Test
	void headsAndCurrentForms() {
		RevisionInfo root = revision("aaaa", List.of(), List.of(), List.of(), "root", false, true, false);
		RevisionInfo left = revision("bbbb", List.of("aaaa"), List.of("accounts"), List.of(), "left", true, false,
				false);
		RevisionInfo right = revision("cccc", List.of("aaaa"), List.of(), List.of("bbbb"), "right", true, false, false);
		AlembicFormat format = new AlembicFormat(new RevisionIndex(List.of(right, left, root)), (r) -> "");
		// bbbb is the target of cccc's dependency: an effective head, as Alembic says
		assertThat(format.headsLine(left)).isEqualTo("bbbb (accounts) (effective head)");
		assertThat(format.headsLine(right)).isEqualTo("cccc (head)");
		assertThat(format.historyLine(right, false)).isEqualTo("aaaa (bbbb) -> cccc (head), right");
		assertThat(format.branchPointLine(root)).isEqualTo("aaaa (branchpoint)");
		RevisionInfo merge = revision("dddd", List.of("bbbb", "cccc"), List.of(), List.of(), "merge", true, false,
				true);
		AlembicFormat merged = new AlembicFormat(new RevisionIndex(List.of(merge, right, left, root)), (r) -> "");
		assertThat(merged.currentLine(merge)).isEqualTo("dddd (head) (mergepoint)");
		assertThat(merged.historyLine(merge, false)).isEqualTo("bbbb, cccc -> dddd (head) (mergepoint), merge");
	}

	@Test
	void verboseEntryHasAlembicsBlock() {
		RevisionInfo root = revision("aaaa", List.of(), List.of(), List.of(), "root", false, true, false);
		RevisionInfo left = revision("bbbb", List.of("aaaa"), List.of(), List.of(), "left", true, false, false);
		RevisionInfo right = revision("cccc", List.of("aaaa"), List.of("x"), List.of("bbbb"), "right", true, false,
				false);
		AlembicFormat format = new AlembicFormat(new RevisionIndex(List.of(right, left, root)),
				(r) -> r.message() + "\n\nRevision ID: " + r.id() + "\nRevises: " + String.join(", ", r.downRevisions()));
		// Alembic indents every docstring line by four spaces, blank ones too, and ends with a blank line
		assertThat(format.logEntry(root, false)).isEqualTo("Rev: aaaa (branchpoint)\n" + "Parent: <base>\n"
				+ "Branches into: bbbb, cccc\n" + "Path: /revisions/aaaa.sql\n" + "\n" + "    root\n" + "    \n"
				+ "    Revision ID: aaaa\n" + "    Revises:\n");
		assertThat(format.logEntry(right, true)).startsWith("""
				Rev: cccc (head) (current)
				Parent: aaaa
				Also depends on: bbbb
				Branch names: x
				Path: /revisions/cccc.sql
				""");
	}

	@Test
	void stepLinesAsAlembicLogsThem() {
		assertThat(StepLines.upgrade(List.of(), "1a2b", "create users")).isEqualTo("Running upgrade  -> 1a2b, create users");
		assertThat(StepLines.upgrade(List.of("a", "b"), "m", "merge")).isEqualTo("Running upgrade a, b -> m, merge");
		assertThat(StepLines.downgrade("1a2b", List.of(), "create users"))
			.isEqualTo("Running downgrade 1a2b -> , create users");
		assertThat(StepLines.stamp(List.of(), List.of("1a2b"))).isEqualTo("Running stamp_revision  -> 1a2b");
	}

	private static Map<String, RevisionInfo> revisions(JsonNode root) {
		JsonNode info = root.get("revision_info");
		Map<String, RevisionInfo> revisions = new LinkedHashMap<>();
		for (JsonNode node : root.get("graph").get("revisions").values()) {
			String id = node.get("id").asString();
			JsonNode facts = info.get(id);
			revisions.put(id, new RevisionInfo(id, strings(node.get("down_revisions")),
					strings(facts.get("effective_branch_labels")), strings(node.get("branch_labels")),
					strings(node.get("depends_on")), node.get("message").asString(), "/revisions/" + id + ".sql",
					facts.get("is_head").asBoolean(), facts.get("is_base").asBoolean(),
					facts.get("is_branch_point").asBoolean(), facts.get("is_merge_point").asBoolean()));
		}
		return revisions;
	}

	private static List<String> strings(JsonNode array) {
		return array.values().stream().map(JsonNode::asString).toList();
	}

	private static String normalizeLabels(String line) {
		Matcher matcher = LABEL_GROUP.matcher(line);
		if (!matcher.matches()) {
			return line;
		}
		String[] labels = matcher.group(2).split(", ");
		Arrays.sort(labels);
		return matcher.group(1) + " (" + String.join(", ", labels) + ")" + matcher.group(3);
	}

	static RevisionInfo revision(String id, List<String> downs, List<String> labels, List<String> dependsOn,
			String message, boolean head, boolean branchPoint, boolean mergePoint) {
		return new RevisionInfo(id, downs, labels, labels, dependsOn, message, "/revisions/" + id + ".sql", head,
				downs.isEmpty(), branchPoint, mergePoint);
	}
}
