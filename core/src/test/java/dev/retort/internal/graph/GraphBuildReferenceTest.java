package dev.retort.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph builder against a direct transcription of Alembic's algorithms (children, heads,
 * {@code _normalize_depends_on}, {@code _add_branches} with its depth-first walk and the walk down
 * from its last node) on random graphs: merges, dependencies, labels, files loaded out of order.
 * The builder computes these in one pass or with bits per node; the answers must not change.
 */
class GraphBuildReferenceTest {

	@Test
	void randomGraphsGiveAlembicsChildrenHeadsDependenciesAndLabels() {
		Random random = new Random(16);
		for (int round = 0; round < 300; round++) {
			List<RevisionNode> nodes = randomGraph(random, 5 + random.nextInt(60));
			RevisionGraph graph = RevisionGraph.build(nodes);
			Reference reference = new Reference(nodes);
			assertThat(graph.heads()).as("heads, round %d", round).isEqualTo(reference.heads(false));
			assertThat(graph.realHeads()).as("real heads, round %d", round).isEqualTo(reference.heads(true));
			for (RevisionNode node : nodes) {
				String id = node.id();
				assertThat(graph.nextRevisions(id)).as("children of %s, round %d", id, round)
					.isEqualTo(reference.next.get(id).stream().sorted().toList());
				assertThat(graph.normalizedDependencies(id)).as("dependencies of %s, round %d", id, round)
					.isEqualTo(reference.normalized(id).stream().sorted().toList());
				assertThat(graph.effectiveBranchLabels(id)).as("labels of %s, round %d", id, round)
					.isEqualTo(reference.labels.get(id).stream().sorted().toList());
			}
		}
	}

	/** Revisions created parents first, then shuffled into load order. */
	private static List<RevisionNode> randomGraph(Random random, int size) {
		List<RevisionNode> nodes = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			List<String> down = new ArrayList<>();
			if (i > 0 && random.nextInt(10) > 0) {
				down.add("r" + random.nextInt(i));
				if (i > 1 && random.nextInt(5) == 0) {
					String other = "r" + random.nextInt(i);
					if (!down.contains(other)) {
						down.add(other);
					}
				}
			}
			List<String> deps = new ArrayList<>();
			if (i > 1 && random.nextInt(4) == 0) {
				String dep = "r" + random.nextInt(i);
				if (!down.contains(dep)) {
					deps.add(dep);
				}
			}
			List<String> labels = (random.nextInt(6) == 0) ? List.of("l" + i) : List.of();
			nodes.add(new RevisionNode("r" + i, down, labels, deps, "", "r" + i + ".sql"));
		}
		Collections.shuffle(nodes, random);
		return nodes;
	}

	/** Alembic's revision map, computed the plain way (dependencies here are ids, never labels). */
	private static final class Reference {

		final Map<String, RevisionNode> byId = new LinkedHashMap<>();

		final Map<String, List<String>> next = new LinkedHashMap<>();

		final Map<String, List<String>> allNext = new LinkedHashMap<>();

		final Map<String, Set<String>> labels = new LinkedHashMap<>();

		Reference(List<RevisionNode> nodes) {
			for (RevisionNode node : nodes) {
				this.byId.put(node.id(), node);
				this.next.put(node.id(), new ArrayList<>());
				this.allNext.put(node.id(), new ArrayList<>());
				this.labels.put(node.id(), new LinkedHashSet<>(node.branchLabels()));
			}
			for (RevisionNode node : nodes) {
				Set<String> allDown = new LinkedHashSet<>(node.downRevisions());
				allDown.addAll(node.dependsOn());
				for (String down : allDown) {
					this.allNext.get(down).add(node.id());
					if (node.downRevisions().contains(down)) {
						this.next.get(down).add(node.id());
					}
				}
			}
			for (RevisionNode node : nodes) {
				if (node.branchLabels().isEmpty()) {
					continue;
				}
				Set<String> carried = new LinkedHashSet<>(this.labels.get(node.id()));
				String last = node.id();
				Deque<String> todo = new ArrayDeque<>();
				Set<String> seen = new HashSet<>();
				todo.push(node.id());
				while (!todo.isEmpty()) {
					String id = todo.pop();
					if (!seen.add(id)) {
						continue;
					}
					this.labels.get(id).addAll(carried);
					last = id;
					for (String child : this.next.get(id)) {
						todo.push(child);
					}
				}
				String parent = last;
				while (parent != null && this.allNext.get(parent).size() <= 1
						&& this.byId.get(parent).downRevisions().size() <= 1) {
					this.labels.get(parent).addAll(carried);
					List<String> down = this.byId.get(parent).downRevisions();
					parent = down.isEmpty() ? null : down.get(0);
				}
			}
		}

		List<String> heads(boolean real) {
			List<String> heads = new ArrayList<>();
			for (String id : this.byId.keySet()) {
				if ((real ? this.allNext : this.next).get(id).isEmpty()) {
					heads.add(id);
				}
			}
			return heads;
		}

		Set<String> normalized(String id) {
			Set<String> deps = new LinkedHashSet<>(this.byId.get(id).dependsOn());
			Deque<String> todo = new ArrayDeque<>(this.byId.get(id).downRevisions());
			Set<String> seen = new HashSet<>();
			while (!todo.isEmpty()) {
				String ancestor = todo.pop();
				if (seen.add(ancestor)) {
					deps.removeAll(this.byId.get(ancestor).dependsOn());
					todo.addAll(this.byId.get(ancestor).downRevisions());
				}
			}
			return deps;
		}
	}
}
