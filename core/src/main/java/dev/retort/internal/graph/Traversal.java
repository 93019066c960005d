package dev.retort.internal.graph;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * Alembic's {@code _iterate_related_revisions}: a depth-first walk along one kind of edge whose
 * visiting order (a LIFO stack) Alembic's results depend on.
 */
final class Traversal {

	private Traversal() {
	}

	/** The nodes one step along an edge kind. */
	@FunctionalInterface
	interface Edges {

		GraphNode[] next(GraphNode node);
	}

	/** Every node reachable from {@code targets} (themselves included), in Alembic's visiting order. */
	static NodeSet related(Iterable<GraphNode> targets, Edges edges) {
		return walk(targets, edges, null);
	}

	/**
	 * As {@link #related}, failing like Alembic's {@code check=True} when one target is reached from
	 * another ("Requested revision X overlaps with other requested revisions Y").
	 */
	static NodeSet relatedChecked(Collection<GraphNode> targets, Edges edges) {
		return walk(targets, edges, targets);
	}

	private static NodeSet walk(Iterable<GraphNode> targets, Edges edges, Collection<GraphNode> check) {
		NodeSet seen = new NodeSet();
		Deque<GraphNode> todo = new ArrayDeque<>();
		for (GraphNode target : targets) {
			todo.push(target);
			Set<GraphNode> overlaps = (check != null) ? new LinkedHashSet<>() : null;
			while (!todo.isEmpty()) {
				GraphNode node = todo.pop();
				if (overlaps != null && node != target && check.contains(node)) {
					overlaps.add(node);
				}
				if (!seen.addNode(node)) {
					continue;
				}
				for (GraphNode next : edges.next(node)) {
					todo.push(next);
				}
			}
			if (overlaps != null && !overlaps.isEmpty()) {
				throw new RetortException(CoreErrorCode.OVERLAPPING_TARGETS, "Requested revision " + target.id
						+ " overlaps with other requested revisions "
						+ String.join(", ", overlaps.stream().map((n) -> n.id).toList())
						+ " (one is an ancestor of the other; stamp the version table to remove the redundant row)");
			}
		}
		return seen;
	}
}
