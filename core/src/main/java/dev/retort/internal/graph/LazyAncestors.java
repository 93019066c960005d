package dev.retort.internal.graph;

import java.util.BitSet;
import java.util.PriorityQueue;

/**
 * The ancestors of one revision (itself included, through down revisions and normalized
 * dependencies), discovered only as far as questions need: a question about a revision at
 * generation {@code g} explores the walk down to generation {@code g} and no further, since every
 * down edge lowers the generation. Gives the same answers as Alembic's fully computed sets at a
 * fraction of the cost on long histories, where Alembic's planning is quadratic.
 */
final class LazyAncestors {

	private final BitSet found = new BitSet();

	private final PriorityQueue<GraphNode> frontier = new PriorityQueue<>(
			(a, b) -> Integer.compare(b.generation(), a.generation()));

	LazyAncestors(GraphNode start) {
		this.frontier.add(start);
	}

	/** Whether {@code node} is {@code start} or one of its ancestors. */
	boolean contains(GraphNode node) {
		int floor = node.generation();
		while (!this.frontier.isEmpty() && this.frontier.peek().generation() >= floor) {
			GraphNode next = this.frontier.poll();
			if (this.found.get(next.loadIndex)) {
				continue;
			}
			this.found.set(next.loadIndex);
			for (GraphNode down : next.normalizedDownNodes()) {
				if (!this.found.get(down.loadIndex)) {
					this.frontier.add(down);
				}
			}
		}
		return this.found.get(node.loadIndex);
	}
}
