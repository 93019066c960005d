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
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.RevisionNode;
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
		Path corpus = Path.of(System.getProperty("retort.conformance.dir", "../core/src/test/resources/conformance/alembic"));
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
					if (result == null || !history.path("stable_across_hash_seeds").asBoolean(true)) {
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
		assertThat(cases).as("corpus history listings").isGreaterThan(450);
		assertThat(lines).isGreaterThan(2000);
		assertThat(sawMerge && sawBranch && sawEffectiveHead && sawDependency && sawLabels)
			.as("the corpus exercised every form").isTrue();
	}

	@Test
	void theIndexAsksForEveryRevisionOnlyWhenAFormNeedsOtherRevisions() {
		Map<String, RevisionInfo> infos = infos(node("1a2b", List.of(), List.of(), List.of(), "create users"),
				node("3c4d", List.of("1a2b"), List.of(), List.of(), "add email"));
		RevisionInfo base = infos.get("1a2b");
		RevisionInfo head = infos.get("3c4d");
		java.util.concurrent.atomic.AtomicInteger histories = new java.util.concurrent.atomic.AtomicInteger();
		// the finder resolves like Retort.revision: a prefix names a revision whose id differs
		RevisionIndex index = new RevisionIndex(() -> {
			histories.incrementAndGet();
			return List.of(head, base);
		}, (word) -> "3c4d".startsWith(word) ? head : null);
		AlembicFormat format = new AlembicFormat(index, (r) -> "");
		assertThat(format.headsLine(head)).isEqualTo("3c4d (head)");
		assertThat(format.currentLine(head)).isEqualTo("3c4d (head)");
		assertThat(index.find("3c4d")).isSameAs(head);
		assertThat(histories.get()).as("heads and current need no history").isZero();
		assertThat(index.find("3c")).as("an exact id only, not what a prefix resolves to").isNull();
		assertThat(index.find("1a2b")).isSameAs(base);
		assertThat(histories.get()).isEqualTo(1);
		assertThat(index.all()).containsExactly(head, base);
		assertThat(histories.get()).as("asked for once").isEqualTo(1);
	}

	@Test
	void historyLineOfASimpleChain() {
		Map<String, RevisionInfo> infos = infos(node("1a2b", List.of(), List.of(), List.of(), "create users"),
				node("3c4d", List.of("1a2b"), List.of(), List.of(), "add email"));
		RevisionInfo base = infos.get("1a2b");
		RevisionInfo head = infos.get("3c4d");
		AlembicFormat format = new AlembicFormat(new RevisionIndex(List.of(head, base)), (r) -> "");
		assertThat(format.historyLine(head, false)).isEqualTo("1a2b -> 3c4d (head), add email");
		assertThat(format.historyLine(base, false)).isEqualTo("<base> -> 1a2b, create users");
		assertThat(format.historyLine(head, true)).isEqualTo("1a2b -> 3c4d (head) (current), add email");
		assertThat(format.currentLine(head)).isEqualTo("3c4d (head)");
		assertThat(format.currentLine(base)).isEqualTo("1a2b");
	}

	@Test
	void headsAndCurrentForms() {
		RevisionNode rootNode = node("aaaa", List.of(), List.of(), List.of(), "root");
		RevisionNode leftNode = node("bbbb", List.of("aaaa"), List.of("accounts"), List.of(), "left");
		RevisionNode rightNode = node("cccc", List.of("aaaa"), List.of(), List.of("bbbb"), "right");
		Map<String, RevisionInfo> infos = infos(rootNode, leftNode, rightNode);
		RevisionInfo root = infos.get("aaaa");
		RevisionInfo left = infos.get("bbbb");
		RevisionInfo right = infos.get("cccc");
		AlembicFormat format = new AlembicFormat(new RevisionIndex(List.of(right, left, root)), (r) -> "");
		// bbbb is the target of cccc's dependency: an effective head, as Alembic says
		assertThat(format.headsLine(left)).isEqualTo("bbbb (accounts) (effective head)");
		assertThat(format.headsLine(right)).isEqualTo("cccc (head)");
		assertThat(format.historyLine(right, false)).isEqualTo("aaaa (bbbb) -> cccc (head), right");
		assertThat(format.branchPointLine(root)).isEqualTo("aaaa (branchpoint)");
		Map<String, RevisionInfo> withMerge = infos(rootNode, leftNode, rightNode,
				node("dddd", List.of("bbbb", "cccc"), List.of(), List.of(), "merge"));
		RevisionInfo merge = withMerge.get("dddd");
		AlembicFormat merged = new AlembicFormat(new RevisionIndex(List.of(merge, withMerge.get("cccc"),
				withMerge.get("bbbb"), withMerge.get("aaaa"))), (r) -> "");
		assertThat(merged.currentLine(merge)).isEqualTo("dddd (head) (mergepoint)");
		assertThat(merged.historyLine(merge, false)).isEqualTo("bbbb, cccc -> dddd (accounts) (head) (mergepoint), merge");
	}

	@Test
	void verboseEntryHasAlembicsBlock() {
		Map<String, RevisionInfo> infos = infos(node("aaaa", List.of(), List.of(), List.of(), "root"),
				node("bbbb", List.of("aaaa"), List.of(), List.of(), "left"),
				node("cccc", List.of("aaaa"), List.of("x"), List.of("bbbb"), "right"));
		RevisionInfo root = infos.get("aaaa");
		RevisionInfo left = infos.get("bbbb");
		RevisionInfo right = infos.get("cccc");
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

	/** The case's revisions as the engine presents them, from its graph built in Alembic's load order. */
	private static Map<String, RevisionInfo> revisions(JsonNode root) {
		List<RevisionNode> nodes = new ArrayList<>();
		for (JsonNode node : root.get("graph").get("revisions").values()) {
			String id = node.get("id").asString();
			nodes.add(new RevisionNode(id, strings(node.get("down_revisions")), strings(node.get("branch_labels")),
					strings(node.get("depends_on")), node.get("message").asString(), "/revisions/" + id + ".sql"));
		}
		return infos(nodes.toArray(RevisionNode[]::new));
	}

	/** Revisions as the engine presents them, from a graph of these nodes. */
	static Map<String, RevisionInfo> infos(RevisionNode... nodes) {
		RevisionGraph graph = RevisionGraph.build(List.of(nodes));
		Map<String, RevisionInfo> revisions = new LinkedHashMap<>();
		for (RevisionNode node : nodes) {
			revisions.put(node.id(), graph.info(node.id()));
		}
		return revisions;
	}

	static RevisionNode node(String id, List<String> downs, List<String> labels, List<String> dependsOn,
			String message) {
		return new RevisionNode(id, downs, labels, dependsOn, message, "/revisions/" + id + ".sql");
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
}
