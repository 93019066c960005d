package dev.retort.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.ErrorCode;
import dev.retort.RetortException;

/**
 * Builds the revision map the way Alembic's {@code RevisionMap._revision_map} does: children,
 * heads and bases, label registration, dependency resolution and normalisation, cycle detection,
 * then branch-label propagation. Where Alembic only warns (duplicate id) or crashes (missing down
 * revision), Retort fails with a typed error naming the revision and its source.
 */
final class GraphBuilder {

	/** Alembic rejects these in ids; Retort also rejects what cannot appear in a version row or a target. */
	private static final Pattern ILLEGAL_ID_CHARS = Pattern.compile("[@+\\-:,\\s]");

	private final Map<String, GraphNode> byId = new LinkedHashMap<>();

	private final Map<String, GraphNode> byLabel = new LinkedHashMap<>();

	private final List<GraphNode> heads = new ArrayList<>();

	private final List<GraphNode> realHeads = new ArrayList<>();

	private final List<GraphNode> bases = new ArrayList<>();

	private final List<GraphNode> realBases = new ArrayList<>();

	RevisionGraph build(List<RevisionNode> revisions) {
		List<GraphNode> labelled = new ArrayList<>();
		int index = 0;
		for (RevisionNode revision : revisions) {
			GraphNode node = new GraphNode(revision, index++);
			checkRevision(revision);
			GraphNode previous = this.byId.putIfAbsent(node.id, node);
			if (previous != null) {
				throw error(CoreErrorCode.DUPLICATE_REVISION, "Revision " + node.id + " is present more than once: in "
						+ previous.declared.source() + " and in " + revision.source(), revision);
			}
			if (!revision.branchLabels().isEmpty()) {
				labelled.add(node);
			}
			if (node.isBase()) {
				this.bases.add(node);
			}
			if (node.isRealBase()) {
				this.realBases.add(node);
			}
		}
		registerLabels(labelled);
		resolveDependencies();
		// Plain loops on this path: it runs at every application start, where each lambda is spun
		// into a class on first use.
		linkChildren();
		GraphNode[] versionedOrder = topologicalOrder(GraphNode::versionedDownNodes, GraphNode::nextNodes);
		normalizeDependencies(versionedOrder);
		for (GraphNode node : this.byId.values()) {
			node.linkNormalized(this.byId);
		}
		detectCycles(versionedOrder != null);
		assignGenerations();
		propagateLabels(labelled);
		return new RevisionGraph(this.byId, this.byLabel, this.heads, this.realHeads, this.bases);
	}

	private void checkRevision(RevisionNode revision) {
		String id = revision.id();
		if (id.isEmpty() || hasIllegalChar(id)) {
			Set<String> illegal = new TreeSet<>();
			id.chars().filter((c) -> ILLEGAL_ID_CHARS.matcher(String.valueOf((char) c)).matches())
				.forEach((c) -> illegal.add(Character.isWhitespace(c) ? "whitespace" : String.valueOf((char) c)));
			throw error(CoreErrorCode.ILLEGAL_REVISION_ID, id.isEmpty() ? "Empty revision identifier"
					: "Character(s) '" + String.join(", ", illegal) + "' not allowed in revision identifier '" + id
							+ "'", revision);
		}
		if (id.length() > 32) {
			throw error(CoreErrorCode.ILLEGAL_REVISION_ID,
					"Revision identifier '" + id + "' is longer than 32 characters (the version table's column)",
					revision);
		}
		if (revision.downRevisions().contains(id)) {
			throw error(CoreErrorCode.SELF_LOOP, "Self-loop is detected in revisions (" + id + ")", revision);
		}
		if (revision.dependsOn().contains(id)) {
			throw error(CoreErrorCode.DEPENDENCY_SELF_LOOP, "Dependency self-loop is detected in revisions (" + id + ")",
					revision);
		}
	}

	/**
	 * Whether {@link #ILLEGAL_ID_CHARS} finds a character in {@code id}, by hand: this runs for every
	 * revision at every start, and the pattern only describes what is wrong once something is.
	 */
	private static boolean hasIllegalChar(String id) {
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			// Pattern's \s without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]
			if (c == '@' || c == '+' || c == '-' || c == ':' || c == ',' || c == ' ' || c == '\t' || c == '\n'
					|| c == '\u000B' || c == '\f' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	private void registerLabels(List<GraphNode> labelled) {
		for (GraphNode node : labelled) {
			for (String label : node.declared.branchLabels()) {
				GraphNode taken = this.byId.containsKey(label) ? this.byId.get(label) : this.byLabel.get(label);
				if (taken != null) {
					throw error(CoreErrorCode.DUPLICATE_BRANCH_LABEL, "Branch name '" + label + "' in revision " + node.id
							+ " already used by revision " + taken.id
							+ (this.byId.containsKey(label) ? " (as its revision id)" : ""), node.declared);
				}
				this.byLabel.put(label, node);
			}
		}
	}

	private GraphNode lookup(String idOrLabel) {
		GraphNode node = this.byId.get(idOrLabel);
		return (node != null) ? node : this.byLabel.get(idOrLabel);
	}

	private void resolveDependencies() {
		for (GraphNode node : this.byId.values()) {
			List<String> resolved = new ArrayList<>();
			for (String dependency : node.declared.dependsOn()) {
				GraphNode target = lookup(dependency);
				if (target == null) {
					throw error(CoreErrorCode.MISSING_DEPENDENCY, "Revision " + node.id + " depends on '" + dependency
							+ "', which is neither a revision id nor a branch label (partial ids are not allowed here)",
							node.declared);
				}
				resolved.add(target.id);
			}
			node.resolvedDependencies = List.copyOf(new LinkedHashSet<>(resolved));
		}
	}

	/** Links every node to its down revisions and children, as node arrays, and finds the heads. */
	private void linkChildren() {
		int[] children = new int[this.byId.size()];
		int[] allChildren = new int[this.byId.size()];
		for (GraphNode node : this.byId.values()) {
			List<String> versioned = node.versionedDownRevisions();
			// The down revisions first, then the dependencies (all of which resolved): the first missing
			// one is the first missing down revision, as Alembic reports it.
			List<String> allDown = node.allDownRevisions();
			GraphNode[] downs = allDown.isEmpty() ? GraphNode.NONE : new GraphNode[allDown.size()];
			for (int i = 0; i < downs.length; i++) {
				String downId = allDown.get(i);
				GraphNode down = this.byId.get(downId);
				if (down == null) {
					String why = this.byLabel.containsKey(downId) ? " is a branch label, not a revision id"
							: " is not present";
					throw error(CoreErrorCode.MISSING_DOWN_REVISION,
							"Revision " + downId + " referenced from " + node.id + " as a down revision" + why,
							node.declared);
				}
				downs[i] = down;
				allChildren[down.loadIndex]++;
				if (versioned.contains(down.id)) {
					children[down.loadIndex]++;
				}
			}
			node.linkDown(downs, this.byId);
		}
		// Each child once (down revisions are de-duplicated), in load order: Alembic's nextrev sets.
		GraphNode[][] next = new GraphNode[children.length][];
		GraphNode[][] allNext = new GraphNode[children.length][];
		for (int i = 0; i < children.length; i++) {
			next[i] = (children[i] == 0) ? GraphNode.NONE : new GraphNode[children[i]];
			allNext[i] = (allChildren[i] == 0) ? GraphNode.NONE : new GraphNode[allChildren[i]];
			children[i] = 0;
			allChildren[i] = 0;
		}
		for (GraphNode node : this.byId.values()) {
			List<String> versioned = node.versionedDownRevisions();
			for (GraphNode down : node.allDownNodes()) {
				allNext[down.loadIndex][allChildren[down.loadIndex]++] = node;
				if (versioned.contains(down.id)) {
					next[down.loadIndex][children[down.loadIndex]++] = node;
				}
			}
		}
		for (GraphNode node : this.byId.values()) {
			node.linkUp(next[node.loadIndex], allNext[node.loadIndex]);
			// Alembic starts from every revision and removes each one a revision revises; what is left,
			// in load order, is the revisions without children.
			if (node.isHead()) {
				this.heads.add(node);
			}
			if (node.isRealHead()) {
				this.realHeads.add(node);
			}
		}
	}

	/**
	 * Drops from each revision's dependencies those a proper ancestor (through down revisions)
	 * already depends on, as Alembic's {@code _normalize_depends_on}. With the revisions in an order
	 * where every down revision comes first, what the ancestors depend on is carried up in one pass,
	 * the same set object along a line of revisions without dependencies, instead of a walk over all
	 * ancestors of each revision that has some.
	 * @param order the revisions with every down revision first, or {@code null} if there is a cycle
	 * (the cycle check reports it; here each revision's ancestors are walked, as Alembic does)
	 */
	private void normalizeDependencies(GraphNode @Nullable [] order) {
		boolean any = false;
		for (GraphNode node : this.byId.values()) {
			if (!node.resolvedDependencies.isEmpty()) {
				any = true;
				break;
			}
		}
		if (!any) {
			return;
		}
		if (order == null) {
			for (GraphNode node : this.byId.values()) {
				if (node.resolvedDependencies.isEmpty()) {
					continue;
				}
				Set<String> normalized = new LinkedHashSet<>(node.resolvedDependencies);
				for (GraphNode ancestor : Traversal.related(List.of(node), GraphNode::versionedDownNodes)) {
					if (ancestor != node) {
						normalized.removeAll(ancestor.resolvedDependencies);
					}
				}
				node.normalizedDependencies = List.copyOf(normalized);
			}
			return;
		}
		// inherited[i]: what the proper ancestors of the revision with load index i depend on (read-only).
		List<Set<String>> inherited = new ArrayList<>(Collections.nCopies(order.length, Set.of()));
		for (GraphNode node : order) {
			Set<String> fromAbove = Set.of();
			for (GraphNode down : node.versionedDownNodes()) {
				Set<String> through = inherited.get(down.loadIndex);
				if (down.resolvedDependencies.isEmpty() && (through.isEmpty() || through == fromAbove)) {
					continue;
				}
				if (down.resolvedDependencies.isEmpty() && fromAbove.isEmpty()) {
					fromAbove = through;
				}
				else {
					Set<String> union = new HashSet<>(fromAbove);
					union.addAll(through);
					union.addAll(down.resolvedDependencies);
					fromAbove = union;
				}
			}
			inherited.set(node.loadIndex, fromAbove);
			if (!node.resolvedDependencies.isEmpty()) {
				List<String> normalized = new ArrayList<>(node.resolvedDependencies);
				normalized.removeAll(fromAbove);
				node.normalizedDependencies = List.copyOf(normalized);
			}
		}
	}

	/** @param acyclic whether the down revisions alone form no cycle ({@link #topologicalOrder} found one) */
	private void detectCycles(boolean acyclic) {
		if (this.byId.isEmpty()) {
			return;
		}
		if (this.heads.isEmpty() || this.bases.isEmpty()) {
			throw cycle(CoreErrorCode.CYCLE, "Cycle", this.byId.keySet());
		}
		if (acyclic && topologicalOrder(GraphNode::allDownNodes, GraphNode::allNextNodes) != null) {
			// Without a cycle every revision lies on a path from a base to a head, so neither walk below
			// can leave one out: they are needed only to name what a cycle cuts off.
			return;
		}
		Set<String> outside = acyclic ? Set.of() : unreachable(this.heads, GraphNode::versionedDownNodes, this.bases,
				GraphNode::nextNodes);
		if (!outside.isEmpty()) {
			throw cycle(CoreErrorCode.CYCLE, "Cycle", outside);
		}
		if (this.realHeads.isEmpty() || this.realBases.isEmpty()) {
			throw cycle(CoreErrorCode.DEPENDENCY_CYCLE, "Dependency cycle", this.byId.keySet());
		}
		outside = unreachable(this.realHeads, GraphNode::allDownNodes, this.realBases,
				GraphNode::allNextNodes);
		if (!outside.isEmpty()) {
			throw cycle(CoreErrorCode.DEPENDENCY_CYCLE, "Dependency cycle", outside);
		}
	}

	/**
	 * The nodes in an order where each comes after those it has edges down to (Kahn's algorithm),
	 * or {@code null} if the edges form a cycle (or name a node twice, which only the walks tell apart).
	 */
	private GraphNode @Nullable [] topologicalOrder(Traversal.Edges down, Traversal.Edges up) {
		int[] waiting = new int[this.byId.size()];
		GraphNode[] ready = new GraphNode[this.byId.size()];
		int readyCount = 0;
		for (GraphNode node : this.byId.values()) {
			int downs = down.next(node).length;
			waiting[node.loadIndex] = downs;
			if (downs == 0) {
				ready[readyCount++] = node;
			}
		}
		int done = 0;
		while (done < readyCount) {
			GraphNode node = ready[done++];
			for (GraphNode next : up.next(node)) {
				if (--waiting[next.loadIndex] == 0) {
					ready[readyCount++] = next;
				}
			}
		}
		return (readyCount == ready.length) ? ready : null;
	}

	private Set<String> unreachable(Iterable<GraphNode> fromTop, Traversal.Edges down, Iterable<GraphNode> fromBottom,
			Traversal.Edges up) {
		NodeSet top = Traversal.related(fromTop, down);
		NodeSet bottom = Traversal.related(fromBottom, up);
		Set<String> outside = new TreeSet<>();
		for (GraphNode node : this.byId.values()) {
			if (!top.contains(node) || !bottom.contains(node)) {
				outside.add(node.id);
			}
		}
		return outside;
	}

	private RetortException cycle(ErrorCode code, String kind, Set<String> ids) {
		List<String> sources = new ArrayList<>();
		for (String id : ids) {
			sources.add(id + " (" + this.byId.get(id).declared.source() + ")");
		}
		return new RetortException(code, kind + " is detected in revisions (" + String.join(", ", ids) + "): "
				+ String.join(", ", sources));
	}

	/** Generations in dependency order (Kahn's algorithm); the graph is known to be acyclic here. */
	private void assignGenerations() {
		int[] waiting = new int[this.byId.size()];
		ArrayDeque<GraphNode> ready = new ArrayDeque<>();
		for (GraphNode node : this.byId.values()) {
			int downs = node.normalizedDownNodes().length;
			waiting[node.loadIndex] = downs;
			if (downs == 0) {
				ready.add(node);
			}
		}
		while (!ready.isEmpty()) {
			GraphNode node = ready.poll();
			int generation = 0;
			for (GraphNode down : node.normalizedDownNodes()) {
				generation = Math.max(generation, down.generation() + 1);
			}
			node.generation(generation);
			for (GraphNode up : node.allNextNodes()) {
				if (contains(up.normalizedDownNodes(), node) && --waiting[up.loadIndex] == 0) {
					ready.add(up);
				}
			}
		}
	}

	private static boolean contains(GraphNode[] nodes, GraphNode node) {
		for (GraphNode each : nodes) {
			if (each == node) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Alembic's {@code _add_branches}: labels flow to descendants, and down to the previous branch
	 * point. Each node records which labelled revisions its labels come from (a bit each, where a set
	 * of strings cost a hash insert per label and node). As in Alembic, a labelled revision passes on
	 * every label it holds by then, its own and those an earlier one gave it. The walk is
	 * {@link Traversal#related}'s, whose last node visited is where the walk down starts.
	 */
	private void propagateLabels(List<GraphNode> labelled) {
		GraphNode[] sources = labelled.toArray(new GraphNode[0]);
		for (GraphNode node : this.byId.values()) {
			node.labelled(sources);
		}
		ArrayDeque<GraphNode> todo = new ArrayDeque<>();
		for (int bit = 0; bit < sources.length; bit++) {
			BitSet carried = (BitSet) sources[bit].labelSources.clone();
			carried.set(bit);
			GraphNode last = sources[bit];
			// Traversal.related(List.of(node), GraphNode::nextNodes): only this walk sets this bit, so the
			// bit marks the nodes it has seen.
			todo.push(sources[bit]);
			while (!todo.isEmpty()) {
				GraphNode descendant = todo.pop();
				if (descendant.labelSources.get(bit)) {
					continue;
				}
				descendant.labelSources.or(carried);
				last = descendant;
				for (GraphNode next : descendant.nextNodes()) {
					todo.push(next);
				}
			}
			GraphNode parent = last;
			while (parent != null && !parent.isRealBranchPoint() && !parent.isMergePoint()) {
				parent.labelSources.or(carried);
				List<String> down = parent.versionedDownRevisions();
				parent = down.isEmpty() ? null : this.byId.get(down.get(0));
			}
		}
	}

	private static RetortException error(ErrorCode code, String message, RevisionNode revision) {
		return RetortException.builder(code, message + " [" + revision.source() + "]")
			.revision(revision.id())
			.source(revision.source())
			.build();
	}
}
