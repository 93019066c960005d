package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One revision inside a {@link RevisionGraph}. Mutated only while the graph is built (Alembic
 * computes children, resolved dependencies and effective labels after loading), never after.
 */
final class GraphNode {

	/** No edges (shared: an empty array cannot change). Declared before {@link #BASE}, which uses it. */
	static final GraphNode[] NONE = new GraphNode[0];

	/** Stands for Alembic's string {@code "base"} that a downward walk past a base yields. */
	static final GraphNode BASE = new GraphNode(new RevisionNode("base", List.of(), List.of(), List.of(), "", ""), -1);

	final RevisionNode declared;

	final String id;

	/** Position in load order: Alembic's tie-breaker everywhere. */
	final int loadIndex;

	/**
	 * Where the effective branch labels come from: bit {@code i} stands for the labels declared on
	 * {@code labelled[i]}. Set while the graph is built (a bit per node reached, where a set of
	 * strings per node cost a hash insert per label and node); {@link #branchLabels()} spells it out.
	 */
	final BitSet labelSources = new BitSet(1);

	/** The graph's labelled revisions in load order, the meaning of {@link #labelSources}. */
	private GraphNode[] labelled = new GraphNode[0];

	/** {@link #branchLabels()}, once spelled out. */
	private volatile @Nullable Set<String> branchLabels;

	/** Down revisions plus resolved dependencies, de-duplicated, once dependencies are resolved. */
	private @Nullable List<String> allDown;

	/** {@code depends_on} resolved to ids. */
	List<String> resolvedDependencies = List.of();

	/** Resolved dependencies minus those an ancestor already depends on. */
	List<String> normalizedDependencies = List.of();

	/** Edges as node arrays, fixed while the graph is built, so walks neither allocate nor hash. */
	private GraphNode[] versionedDownNodes = NONE;

	private GraphNode[] allDownNodes = NONE;

	private GraphNode[] normalizedDownNodes = NONE;

	private GraphNode[] nextNodes = NONE;

	private GraphNode[] allNextNodes = NONE;

	private List<String> normalizedDown;

	/** Longest path down to a base along normalized down edges: strictly falls along every such edge. */
	private int generation;

	GraphNode(RevisionNode declared, int loadIndex) {
		this.declared = declared;
		this.id = declared.id();
		this.loadIndex = loadIndex;
	}

	/** Tells the node what its {@link #labelSources} bits stand for (the same array for every node). */
	void labelled(GraphNode[] labelled) {
		this.labelled = labelled;
	}

	/**
	 * Effective branch labels after propagation: its own declared labels first, then those it got
	 * from labelled revisions, in their load order (the order the propagation added them in).
	 */
	Set<String> branchLabels() {
		Set<String> labels = this.branchLabels;
		if (labels == null) {
			Set<String> all = new LinkedHashSet<>(this.declared.branchLabels());
			for (int i = this.labelSources.nextSetBit(0); i >= 0; i = this.labelSources.nextSetBit(i + 1)) {
				all.addAll(this.labelled[i].declared.branchLabels());
			}
			labels = Collections.unmodifiableSet(all);
			// A race computes equal sets: either may be kept.
			this.branchLabels = labels;
		}
		return labels;
	}

	List<String> versionedDownRevisions() {
		return this.declared.downRevisions();
	}

	/** Down revisions plus resolved dependencies, de-duplicated (fixed once dependencies are resolved). */
	List<String> allDownRevisions() {
		List<String> all = this.allDown;
		if (all == null) {
			all = dedupe(this.declared.downRevisions(), this.resolvedDependencies);
			this.allDown = all;
		}
		return all;
	}

	/** Down revisions plus normalized dependencies, de-duplicated. */
	List<String> normalizedDownRevisions() {
		return (this.normalizedDown != null) ? this.normalizedDown
				: dedupe(this.declared.downRevisions(), this.normalizedDependencies);
	}

	GraphNode[] versionedDownNodes() {
		return this.versionedDownNodes;
	}

	GraphNode[] allDownNodes() {
		return this.allDownNodes;
	}

	GraphNode[] normalizedDownNodes() {
		return this.normalizedDownNodes;
	}

	GraphNode[] nextNodes() {
		return this.nextNodes;
	}

	GraphNode[] allNextNodes() {
		return this.allNextNodes;
	}

	int generation() {
		return this.generation;
	}

	void generation(int generation) {
		this.generation = generation;
	}

	/**
	 * Fixes the down edges: {@code allDown} are the nodes of {@link #allDownRevisions()}, which start
	 * with the down revisions when these name no revision twice.
	 */
	void linkDown(GraphNode[] allDown, Map<String, GraphNode> byId) {
		this.allDownNodes = allDown;
		List<String> versioned = this.declared.downRevisions();
		this.versionedDownNodes = (allDownRevisions().size() >= versioned.size()
				&& allDownRevisions().subList(0, versioned.size()).equals(versioned))
						? Arrays.copyOf(allDown, versioned.size()) : nodes(versioned, byId);
	}

	/**
	 * Fixes the child edges: Alembic's {@code nextrev} (children through down revisions) and
	 * {@code _all_nextrev} (through dependencies too), each child once, in load order.
	 */
	void linkUp(GraphNode[] next, GraphNode[] allNext) {
		this.nextNodes = next;
		this.allNextNodes = allNext;
	}

	/** Children through down revisions (Alembic's {@code nextrev}): their ids, in load order. */
	List<String> nextrev() {
		List<String> ids = new ArrayList<>(this.nextNodes.length);
		for (GraphNode next : this.nextNodes) {
			ids.add(next.id);
		}
		return ids;
	}

	/** Fixes the normalized down edges once dependencies are normalized. */
	void linkNormalized(Map<String, GraphNode> byId) {
		this.normalizedDown = List.copyOf(dedupe(this.declared.downRevisions(), this.normalizedDependencies));
		// Without dependencies left these are the down revisions, whose nodes are known (edge arrays are
		// never written after the build, so one can serve both).
		this.normalizedDownNodes = this.normalizedDown.equals(this.declared.downRevisions()) ? this.versionedDownNodes
				: nodes(this.normalizedDown, byId);
	}

	private static GraphNode[] nodes(Collection<String> ids, Map<String, GraphNode> byId) {
		GraphNode[] nodes = new GraphNode[ids.size()];
		int i = 0;
		for (String id : ids) {
			nodes[i++] = byId.get(id);
		}
		return nodes;
	}

	boolean isHead() {
		return this.nextNodes.length == 0;
	}

	boolean isRealHead() {
		return this.allNextNodes.length == 0;
	}

	boolean isBase() {
		return this.declared.downRevisions().isEmpty();
	}

	boolean isRealBase() {
		return isBase() && this.declared.dependsOn().isEmpty();
	}

	boolean isBranchPoint() {
		return this.nextNodes.length > 1;
	}

	boolean isRealBranchPoint() {
		return this.allNextNodes.length > 1;
	}

	boolean isMergePoint() {
		return this.declared.downRevisions().size() > 1;
	}

	boolean isBaseMarker() {
		return this == BASE;
	}

	private static List<String> dedupe(List<String> first, List<String> second) {
		if (second.isEmpty() && first.size() < 2) {
			// The usual revision: one down revision, no dependency; nothing to merge.
			return first;
		}
		Set<String> all = new LinkedHashSet<>(first);
		all.addAll(second);
		return new ArrayList<>(all);
	}

	@Override
	public String toString() {
		return this.id;
	}
}
