package dev.retort.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.retort.internal.graph.RevisionNode;

/**
 * Generates large, branchy revision graphs for benchmarks: a trunk from which a side branch of
 * ten revisions forks every ~50 revisions and is merged back by a merge revision; every tenth side
 * branch carries a branch label, and every seventh one's first revision depends on an older trunk
 * revision.
 */
public final class BranchyGraphs {

	private BranchyGraphs() {
	}

	/** About {@code size} revisions in creation order. */
	public static List<RevisionNode> generate(int size) {
		List<RevisionNode> nodes = new ArrayList<>(size);
		String trunk = id(0);
		nodes.add(node(trunk, List.of(), List.of(), List.of()));
		int branch = 0;
		while (nodes.size() < size) {
			for (int i = 0; i < 39 && nodes.size() < size; i++) {
				String next = id(nodes.size());
				nodes.add(node(next, List.of(trunk), List.of(), List.of()));
				trunk = next;
			}
			if (nodes.size() + 11 > size) {
				continue;
			}
			String forkPoint = trunk;
			String side = forkPoint;
			for (int i = 0; i < 10; i++) {
				String next = id(nodes.size());
				List<String> labels = (i == 0 && branch % 10 == 0) ? List.of("feature" + branch) : List.of();
				List<String> deps = (i == 0 && branch % 7 == 3 && nodes.size() > 100)
						? List.of(nodes.get(nodes.size() - 100).id()) : List.of();
				nodes.add(node(next, List.of(side), labels, deps));
				side = next;
			}
			String trunkSide = id(nodes.size());
			nodes.add(node(trunkSide, List.of(forkPoint), List.of(), List.of()));
			String merge = id(nodes.size());
			nodes.add(node(merge, List.of(trunkSide, side), List.of(), List.of()));
			trunk = merge;
			branch++;
		}
		return nodes;
	}

	private static RevisionNode node(String id, List<String> down, List<String> labels, List<String> deps) {
		return new RevisionNode(id, down, labels, deps, "revision " + id, "generated");
	}

	/** A 12-hex id derived from a number, spread so prefixes differ early. */
	public static String id(int n) {
		long mixed = (n * 0x9E3779B97F4A7C15L) >>> 16;
		return String.format(Locale.ROOT, "%012x", mixed & 0xFFFFFFFFFFFFL);
	}
}
