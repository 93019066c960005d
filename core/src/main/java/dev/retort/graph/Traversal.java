package dev.retort.graph;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.ErrorCode;
import dev.retort.RetortException;

/**
 * Alembic's {@code _iterate_related_revisions}: a depth-first walk along one kind of edge whose
 * visiting order (a LIFO stack) Alembic's results depend on.
 */
final class Traversal {

	private Traversal() {
	}

	/** The ids one step along an edge kind. */
	@FunctionalInterface
	interface Edges {

		List<String> next(GraphNode node);
	}

	/** Every node reachable from {@code targets} (themselves included), in Alembic's visiting order. */
	static Set<GraphNode> related(Iterable<GraphNode> targets, Edges edges, Map<String, GraphNode> byId) {
		return walk(targets, edges, byId, null);
	}

	/**
	 * As {@link #related}, failing like Alembic's {@code check=True} when one target is reached from
	 * another ("Requested revision X overlaps with other requested revisions Y").
	 */
	static Set<GraphNode> relatedChecked(Collection<GraphNode> targets, Edges edges, Map<String, GraphNode> byId) {
		return walk(targets, edges, byId, targets);
	}

	private static Set<GraphNode> walk(Iterable<GraphNode> targets, Edges edges, Map<String, GraphNode> byId,
			Collection<GraphNode> check) {
		Set<GraphNode> seen = new LinkedHashSet<>();
		Deque<GraphNode> todo = new ArrayDeque<>();
		for (GraphNode target : targets) {
			todo.push(target);
			Set<GraphNode> perTarget = (check != null) ? new HashSet<>() : null;
			while (!todo.isEmpty()) {
				GraphNode node = todo.pop();
				if (perTarget != null) {
					perTarget.add(node);
				}
				if (!seen.add(node)) {
					continue;
				}
				for (String nextId : edges.next(node)) {
					todo.push(byId.get(nextId));
				}
			}
			if (check != null) {
				Set<GraphNode> overlaps = new LinkedHashSet<>();
				for (GraphNode other : check) {
					if (other != target && perTarget.contains(other)) {
						overlaps.add(other);
					}
				}
				if (!overlaps.isEmpty()) {
					throw new RetortException(ErrorCode.OVERLAPPING_TARGETS, "Requested revision " + target.id
							+ " overlaps with other requested revisions " + String.join(", ",
									overlaps.stream().map((n) -> n.id).toList())
							+ " (one is an ancestor of the other; stamp the version table to remove the redundant row)");
				}
			}
		}
		return seen;
	}
}
