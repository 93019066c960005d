package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.MigrationPlan;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;

/**
 * The revision graph, with Alembic's exact semantics: heads and bases, branch labels and their
 * propagation, {@code depends_on}, target resolution, history order, and the upgrade, downgrade
 * and stamp plans (pure functions of the graph, the version table's rows and the target).
 * Immutable and thread-safe once built.
 */
public final class RevisionGraph {

	private final Map<String, GraphNode> byId;

	private final Map<String, GraphNode> byLabel;

	private final List<GraphNode> heads;

	private final List<GraphNode> realHeads;

	private final List<GraphNode> bases;

	private final RevisionResolver resolver;

	private final MigrationPlanner planner;

	RevisionGraph(Map<String, GraphNode> byId, Map<String, GraphNode> byLabel, List<GraphNode> heads,
			List<GraphNode> realHeads, List<GraphNode> bases) {
		// The builder's own maps, which it drops after building: no copy of a thousand entries per load.
		this.byId = Collections.unmodifiableMap(byId);
		this.byLabel = Collections.unmodifiableMap(byLabel);
		this.heads = List.copyOf(heads);
		this.realHeads = List.copyOf(realHeads);
		this.bases = List.copyOf(bases);
		this.resolver = new RevisionResolver(this);
		this.planner = new MigrationPlanner(this, this.resolver);
	}

	/**
	 * Builds the graph from revisions in load order (the order breaks ties, as in Alembic).
	 * @throws RetortException if the graph is invalid (duplicate id, missing down revision,
	 * unknown dependency, cycle, label used twice, illegal id)
	 */
	public static RevisionGraph build(List<RevisionNode> revisionsInLoadOrder) {
		return new GraphBuilder().build(revisionsInLoadOrder);
	}

	// ---- structure -------------------------------------------------------------------------

	/** Whether a revision with this exact id exists. */
	public boolean contains(String id) {
		return this.byId.containsKey(id);
	}

	/** Number of revisions. */
	public int size() {
		return this.byId.size();
	}

	/** All revision ids in load order. */
	public List<String> ids() {
		return List.copyOf(this.byId.keySet());
	}

	/** The declared revision. */
	public RevisionNode node(String id) {
		return requireNode(id).declared;
	}

	/** Heads through down revisions (Alembic's {@code get_heads()}), in load order. */
	public List<String> heads() {
		return RevisionResolver.ids(this.heads);
	}

	/** Heads that no revision depends on: what {@code upgrade heads} targets. */
	public List<String> realHeads() {
		return RevisionResolver.ids(this.realHeads);
	}

	/** Revisions that revise nothing, in load order. */
	public List<String> bases() {
		return RevisionResolver.ids(this.bases);
	}

	/** Revisions with several children through down revisions, in load order. */
	public List<String> branchPoints() {
		return this.byId.values().stream().filter(GraphNode::isBranchPoint).map((n) -> n.id).toList();
	}

	/** Revisions with several down revisions, in load order. */
	public List<String> mergePoints() {
		return this.byId.values().stream().filter(GraphNode::isMergePoint).map((n) -> n.id).toList();
	}

	/** Effective branch labels (declared and propagated), sorted. */
	public List<String> effectiveBranchLabels(String id) {
		return requireNode(id).branchLabels().stream().sorted().toList();
	}

	/** Children through down revisions, sorted. */
	public List<String> nextRevisions(String id) {
		return requireNode(id).nextrev().stream().sorted().toList();
	}

	/** Dependencies resolved to ids, minus those an ancestor already declares, sorted. */
	public List<String> normalizedDependencies(String id) {
		return requireNode(id).normalizedDependencies.stream().sorted().toList();
	}

	/** Dependencies resolved to ids (labels replaced by their declaring revision), in declared order. */
	public List<String> resolvedDependencies(String id) {
		return requireNode(id).resolvedDependencies;
	}

	/** A revision as the façade presents it. */
	public RevisionInfo info(String id) {
		GraphNode node = requireNode(id);
		RevisionNode declared = node.declared;
		return new RevisionInfo(id, declared.downRevisions(), effectiveBranchLabels(id), declared.branchLabels(),
				declared.dependsOn(), declared.message(), declared.source(), node.isHead(), node.isBase(),
				node.isBranchPoint(), node.isMergePoint(), node.isRealHead(), nextRevisions(id),
				node.resolvedDependencies);
	}

	/** Whether nothing revises this revision. */
	public boolean isHead(String id) {
		return requireNode(id).isHead();
	}

	/** Whether nothing revises or depends on this revision. */
	public boolean isRealHead(String id) {
		return requireNode(id).isRealHead();
	}

	/** Whether this revision revises nothing. */
	public boolean isBase(String id) {
		return requireNode(id).isBase();
	}

	/** Whether several revisions revise this one. */
	public boolean isBranchPoint(String id) {
		return requireNode(id).isBranchPoint();
	}

	/** Whether this revision revises several. */
	public boolean isMergePoint(String id) {
		return requireNode(id).isMergePoint();
	}

	// ---- resolution ------------------------------------------------------------------------

	/**
	 * Resolves an identifier to revisions, as Alembic's {@code get_revisions}: {@code base} gives
	 * an empty list, {@code heads} several; a downward relative walk past a base yields the
	 * string {@code "base"}.
	 */
	public List<String> resolve(String spec) {
		List<String> ids = new ArrayList<>();
		for (GraphNode node : this.resolver.revisions(spec)) {
			ids.add((node == null) ? "base" : node.id);
		}
		return ids;
	}

	/**
	 * Resolves an identifier that must name one revision (Alembic's {@code get_revision});
	 * {@code null} for base.
	 */
	public @Nullable String resolveOne(String spec) {
		GraphNode node = this.resolver.revision(spec);
		return (node == null) ? null : node.id;
	}

	/** The single head ({@code get_current_head}); fails with MULTIPLE_HEADS if there are several. */
	public @Nullable String currentHead() {
		GraphNode head = this.resolver.currentHead(null);
		return (head == null) ? null : head.id;
	}

	/** What {@code current} shows for these version rows: the rows and all they imply, reduced to tips. */
	public List<String> current(Collection<String> versionRows) {
		return RevisionResolver.ids(this.planner.allCurrent(versionRows));
	}

	/** Revisions applied when the version table holds these rows (the rows and their ancestors). */
	public Set<String> applied(Collection<String> versionRows) {
		Set<String> applied = new LinkedHashSet<>();
		List<GraphNode> rows = new ArrayList<>();
		for (String row : versionRows) {
			GraphNode node = this.byId.get(row);
			if (node != null) {
				rows.add(node);
			}
		}
		for (GraphNode node : ancestors(rows, true)) {
			applied.add(node.id);
		}
		return applied;
	}

	// ---- history and plans -----------------------------------------------------------------

	/**
	 * Revision ids newest first, as {@code alembic history} lists them, for the whole graph
	 * ({@code null}) or a range {@code a:b} ({@code a:} and {@code :b} allowed).
	 */
	public List<String> history(@Nullable String range) {
		return RevisionResolver.ids(this.planner.history(range));
	}

	/** The steps {@code upgrade target} runs from these version rows. */
	public MigrationPlan planUpgrade(Collection<String> versionRows, String target) {
		return this.planner.upgrade(List.copyOf(versionRows), target);
	}

	/** The steps {@code downgrade target} runs from these version rows. */
	public MigrationPlan planDowngrade(Collection<String> versionRows, String target) {
		return this.planner.downgrade(List.copyOf(versionRows), target);
	}

	/** The stamp steps {@code stamp targets...} makes from these version rows ({@code purge}: from none). */
	public MigrationPlan planStamp(Collection<String> versionRows, List<String> targets, boolean purge) {
		return this.planner.stamp(purge ? List.of() : List.copyOf(versionRows), targets);
	}

	// ---- internals shared by the resolver and the planner ----------------------------------

	GraphNode requireNode(String id) {
		GraphNode node = this.byId.get(id);
		if (node == null) {
			throw new RetortException(CoreErrorCode.UNKNOWN_REVISION, "No such revision '" + id + "'");
		}
		return node;
	}

	@Nullable GraphNode nodeOrNull(String id) {
		return this.byId.get(id);
	}

	/** A key of Alembic's revision map: an id, or else a branch label. */
	@Nullable GraphNode mapLookup(String key) {
		GraphNode node = this.byId.get(key);
		return (node != null) ? node : this.byLabel.get(key);
	}

	/** Keys of Alembic's revision map in its order: ids in load order, then labels. */
	List<String> mapKeys() {
		List<String> keys = new ArrayList<>(this.byId.keySet());
		keys.addAll(this.byLabel.keySet());
		return keys;
	}

	Collection<GraphNode> nodes() {
		return this.byId.values();
	}

	Map<String, GraphNode> byId() {
		return this.byId;
	}

	List<GraphNode> headNodes() {
		return this.heads;
	}

	List<GraphNode> realHeadNodes() {
		return this.realHeads;
	}

	List<GraphNode> baseNodes() {
		return this.bases;
	}

	NodeSet ancestors(Collection<GraphNode> targets, boolean includeDependencies) {
		return Traversal.related(targets,
				includeDependencies ? GraphNode::normalizedDownNodes : GraphNode::versionedDownNodes);
	}

	NodeSet ancestorsChecked(Collection<GraphNode> targets) {
		return Traversal.relatedChecked(targets, GraphNode::normalizedDownNodes);
	}

	NodeSet descendants(Collection<GraphNode> targets, boolean includeDependencies) {
		return Traversal.related(targets, includeDependencies ? GraphNode::allNextNodes : GraphNode::nextNodes);
	}

	NodeSet descendantsChecked(Collection<GraphNode> targets) {
		return Traversal.relatedChecked(targets, GraphNode::nextNodes);
	}
}
