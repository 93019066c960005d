package dev.retort.internal.graph;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;

/**
 * The nodes a walk reached, in visiting order, with constant-time membership (a bit per load
 * index). Read-only once the walk is done.
 */
final class NodeSet extends AbstractSet<GraphNode> {

	private final List<GraphNode> order = new ArrayList<>();

	private final BitSet members = new BitSet();

	/** Adds a node; {@code false} if it was there already. */
	boolean addNode(GraphNode node) {
		if (this.members.get(node.loadIndex)) {
			return false;
		}
		this.members.set(node.loadIndex);
		this.order.add(node);
		return true;
	}

	@Override
	public boolean contains(Object o) {
		return (o instanceof GraphNode node) && node.loadIndex >= 0 && this.members.get(node.loadIndex);
	}

	@Override
	public Iterator<GraphNode> iterator() {
		return java.util.Collections.unmodifiableList(this.order).iterator();
	}

	@Override
	public int size() {
		return this.order.size();
	}
}
