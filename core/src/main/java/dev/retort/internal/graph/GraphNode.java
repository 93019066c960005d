package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One revision inside a {@link RevisionGraph}. Mutated only while the graph is built (Alembic
 * computes children, resolved dependencies and effective labels after loading), never after.
 */
final class GraphNode {

	/** Stands for Alembic's string {@code "base"} that a downward walk past a base yields. */
	static final GraphNode BASE = new GraphNode(new RevisionNode("base", List.of(), List.of(), List.of(), "", ""), -1);

	final RevisionNode declared;

	final String id;

	/** Position in load order: Alembic's tie-breaker everywhere. */
	final int loadIndex;

	/** Children through down revisions only (Alembic's {@code nextrev}). */
	final Set<String> nextrev = new LinkedHashSet<>();

	/** Children through down revisions and dependencies (Alembic's {@code _all_nextrev}). */
	final Set<String> allNextrev = new LinkedHashSet<>();

	/** Effective branch labels after propagation. */
	final Set<String> branchLabels = new LinkedHashSet<>();

	/** {@code depends_on} resolved to ids. */
	List<String> resolvedDependencies = List.of();

	/** Resolved dependencies minus those an ancestor already depends on. */
	List<String> normalizedDependencies = List.of();

	/** Edges as node arrays, fixed while the graph is built, so walks neither allocate nor hash. */
	private GraphNode[] versionedDownNodes = new GraphNode[0];

	private GraphNode[] allDownNodes = new GraphNode[0];

	private GraphNode[] normalizedDownNodes = new GraphNode[0];

	private GraphNode[] nextNodes = new GraphNode[0];

	private GraphNode[] allNextNodes = new GraphNode[0];

	private List<String> normalizedDown;

	/** Longest path down to a base along normalized down edges: strictly falls along every such edge. */
	private int generation;

	GraphNode(RevisionNode declared, int loadIndex) {
		this.declared = declared;
		this.id = declared.id();
		this.loadIndex = loadIndex;
		this.branchLabels.addAll(declared.branchLabels());
	}

	List<String> versionedDownRevisions() {
		return this.declared.downRevisions();
	}

	/** Down revisions plus resolved dependencies, de-duplicated. */
	List<String> allDownRevisions() {
		return dedupe(this.declared.downRevisions(), this.resolvedDependencies);
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

	/** Fixes the edge arrays once every node's children are known. */
	void linkNodes(Map<String, GraphNode> byId) {
		this.versionedDownNodes = nodes(this.declared.downRevisions(), byId);
		this.allDownNodes = nodes(allDownRevisions(), byId);
		this.nextNodes = nodes(this.nextrev, byId);
		this.allNextNodes = nodes(this.allNextrev, byId);
	}

	/** Fixes the normalized down edges once dependencies are normalized. */
	void linkNormalized(Map<String, GraphNode> byId) {
		this.normalizedDown = List.copyOf(dedupe(this.declared.downRevisions(), this.normalizedDependencies));
		this.normalizedDownNodes = nodes(this.normalizedDown, byId);
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
		return this.nextrev.isEmpty();
	}

	boolean isRealHead() {
		return this.allNextrev.isEmpty();
	}

	boolean isBase() {
		return this.declared.downRevisions().isEmpty();
	}

	boolean isRealBase() {
		return isBase() && this.declared.dependsOn().isEmpty();
	}

	boolean isBranchPoint() {
		return this.nextrev.size() > 1;
	}

	boolean isRealBranchPoint() {
		return this.allNextrev.size() > 1;
	}

	boolean isMergePoint() {
		return this.declared.downRevisions().size() > 1;
	}

	boolean isBaseMarker() {
		return this == BASE;
	}

	private static List<String> dedupe(List<String> first, List<String> second) {
		Set<String> all = new LinkedHashSet<>(first);
		all.addAll(second);
		return new ArrayList<>(all);
	}

	@Override
	public String toString() {
		return this.id;
	}
}
