package dev.retort.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

import org.jspecify.annotations.Nullable;

import dev.retort.Command;
import dev.retort.CoreErrorCode;
import dev.retort.MigrationPlan;
import dev.retort.MigrationStep;
import dev.retort.RetortException;

/**
 * Alembic's planning: which revisions an upgrade, downgrade, stamp or history range touches
 * ({@code _collect_upgrade_revisions}, {@code _collect_downgrade_revisions}, {@code _stamp_revs}),
 * in which order ({@code _topological_sort}), and how each step changes the version rows
 * ({@code HeadMaintainer}, replayed by {@link VersionRows}). Every plan is computed whole before
 * anything runs; where Alembic would crash half-way, the plan fails with a typed error instead.
 * <p>
 * Longer than 400 lines on purpose: it mirrors Alembic's revision walking function by function,
 * so that each can be compared with its Alembic counterpart; split, the correspondence would be lost.
 */
final class MigrationPlanner {

	private final RevisionGraph graph;

	private final RevisionResolver resolver;

	MigrationPlanner(RevisionGraph graph, RevisionResolver resolver) {
		this.graph = graph;
		this.resolver = resolver;
	}

	// ---- upgrade ----------------------------------------------------------------------------

	MigrationPlan upgrade(List<String> rows, String target) {
		if (target.contains(":")) {
			throw new RetortException(CoreErrorCode.RANGE_NOT_ALLOWED,
					"Range revision not allowed: '" + target + "' (ranges are for offline SQL and history)");
		}
		List<GraphNode> targets = nonNull(parseUpgradeTarget(rows, target, true));
		Set<GraphNode> required = new LinkedHashSet<>(this.graph.ancestorsChecked(targets));
		required.addAll(targets);
		List<GraphNode> current = nonNull(this.resolver.revisions(rows));
		Set<GraphNode> currentSet = new LinkedHashSet<>(this.graph.ancestorsChecked(current));
		currentSet.addAll(current);
		Set<GraphNode> needs = new LinkedHashSet<>(required);
		needs.removeAll(currentSet);
		List<GraphNode> order = topologicalSort(needs, targets);
		Collections.reverse(order);
		return plan(Command.UPGRADE, target, rows, order, true);
	}

	// ---- downgrade --------------------------------------------------------------------------

	MigrationPlan downgrade(List<String> rows, String target) {
		if (target.contains(":")) {
			throw new RetortException(CoreErrorCode.RANGE_NOT_ALLOWED,
					"Range revision not allowed: '" + target + "' (ranges are for offline SQL and history)");
		}
		DowngradeTarget parsed = parseDowngradeTarget(rows, target, true);
		GraphNode targetRevision = (parsed.revision() != null && parsed.revision().isBaseMarker()) ? null
				: parsed.revision();
		List<GraphNode> roots = new ArrayList<>();
		if (targetRevision == null) {
			// Alembic scans its map's values, where a labelled base appears once per key.
			for (String key : this.graph.mapKeys()) {
				GraphNode node = this.graph.mapLookup(key);
				if (node != null && node.isBase()) {
					roots.add(node);
				}
			}
		}
		else {
			roots.addAll(nonNull(this.resolver.revisions(targetRevision.nextrev())));
		}
		if (parsed.branchLabel() != null && roots.size() > 1) {
			Set<GraphNode> ancestors = this.graph
				.ancestors(List.of(this.resolver.resolveBranch(parsed.branchLabel())), false);
			Set<GraphNode> filtered = new LinkedHashSet<>(roots);
			filtered.retainAll(ancestors);
			roots = new ArrayList<>(filtered);
			if (roots.isEmpty()) {
				throw new RetortException(CoreErrorCode.NOT_A_VALID_DOWNGRADE_TARGET,
						"Not a valid downgrade target from current heads: '" + target + "' (the branch's revisions lie"
								+ " below the branch point; name a revision on the branch instead)");
			}
		}
		List<GraphNode> heads = nonNull(this.resolver.revisions(rows));
		Set<GraphNode> downgrade = new LinkedHashSet<>(this.graph.descendants(roots, true));
		downgrade.retainAll(this.graph.ancestors(heads, true));
		if (targetRevision != null && downgrade.isEmpty() && !heads.contains(targetRevision)) {
			throw new RetortException(CoreErrorCode.RANGE_NOT_ANCESTOR, "Destination " + targetRevision.id
					+ " is not a valid downgrade target from current head(s) " + rows);
		}
		return plan(Command.DOWNGRADE, target, rows, topologicalSort(downgrade, heads), false);
	}

	// ---- stamp ------------------------------------------------------------------------------

	MigrationPlan stamp(List<String> rows, List<String> targets) {
		List<String> destinations = targets.isEmpty() ? List.of("base") : targets;
		List<GraphNode> heads = nonNull(this.resolver.revisions(rows));
		Set<GraphNode> filteredHeads = new LinkedHashSet<>();
		try {
			for (String destination : destinations) {
				filteredHeads.addAll(this.resolver.filterForLineage(heads, destination, true));
			}
		}
		catch (RetortException ex) {
			throw stampMultipleHeads(ex);
		}
		List<@Nullable GraphNode> dests;
		try {
			dests = new ArrayList<>(this.resolver.revisions(destinations));
		}
		catch (RetortException ex) {
			throw stampMultipleHeads(ex);
		}
		if (dests.isEmpty()) {
			dests.add(null);
		}
		List<String> fromIds = RevisionResolver.ids(filteredHeads);
		VersionRows versionRows = new VersionRows(rows, String.join(" ", destinations));
		List<MigrationStep> steps = new ArrayList<>();
		for (GraphNode dest : dests) {
			if (dest == null || dest.isBaseMarker()) {
				for (String head : fromIds) {
					steps.add(versionRows.stamp(List.of(head), List.of(), false, true));
				}
				continue;
			}
			if (filteredHeads.contains(dest)) {
				continue;
			}
			Set<GraphNode> descendants = new LinkedHashSet<>(this.graph.descendants(List.of(dest), true));
			Set<GraphNode> ancestors = new LinkedHashSet<>(this.graph.ancestors(List.of(dest), true));
			descendants.retainAll(filteredHeads);
			ancestors.retainAll(filteredHeads);
			if (!descendants.isEmpty()) {
				steps.add(versionRows.stamp(fromIds, List.of(dest.id), false, false));
			}
			else if (!ancestors.isEmpty()) {
				steps.add(versionRows.stamp(fromIds, List.of(dest.id), true, false));
			}
			else {
				steps.add(versionRows.stamp(List.of(), List.of(dest.id), true, true));
			}
		}
		return new MigrationPlan(Command.STAMP, String.join(" ", destinations), steps, sorted(rows), versionRows.sorted());
	}

	private static RetortException stampMultipleHeads(RetortException ex) {
		if (ex.code() == CoreErrorCode.MULTIPLE_HEADS) {
			return new RetortException(CoreErrorCode.MULTIPLE_HEADS,
					"Multiple heads are present; please specify a single target revision (" + ex.getMessage() + ")",
					ex);
		}
		return ex;
	}

	// ---- history ------------------------------------------------------------------------------

	List<GraphNode> history(@Nullable String range) {
		String base = "base";
		String head = "heads";
		if (range != null) {
			String[] parts = range.strip().split(":", -1);
			if (parts.length != 2) {
				throw new RetortException(CoreErrorCode.INVALID_RANGE,
						"History range requires [start]:[end], [start]:, or :[end]; got '" + range + "'");
			}
			base = parts[0].isEmpty() ? "base" : parts[0];
			head = parts[1].isEmpty() ? "heads" : parts[1];
		}
		try {
			List<GraphNode> targets = nonNull(parseUpgradeTarget(List.of(base), head, false));
			if (base.contains("@")) {
				String branch = base.substring(0, base.indexOf('@'));
				GraphNode branchRevision = this.resolver.revision(branch);
				if (branchRevision != null && branchRevision.id.equals(branch)) {
					if (branchRevision.branchLabels().size() != 1) {
						throw new RetortException(CoreErrorCode.INVALID_RANGE, "Revision " + branch + " used as a branch"
								+ " name must carry exactly one branch label; it has " + branchRevision.branchLabels());
					}
					branch = branchRevision.branchLabels().iterator().next();
				}
				List<GraphNode> onBranch = new ArrayList<>();
				for (GraphNode need : targets) {
					if (need.branchLabels().contains(branch)) {
						onBranch.add(need);
					}
				}
				targets = onBranch;
			}
			Set<GraphNode> required = new LinkedHashSet<>(this.graph.ancestorsChecked(targets));
			required.addAll(targets);
			List<@Nullable GraphNode> currentRaw = this.resolver.revisions(base);
			for (GraphNode rev : currentRaw) {
				if (rev != null && !required.contains(rev)) {
					throw rangeNotAncestor(base, head);
				}
			}
			List<GraphNode> current = nonNull(currentRaw);
			String lower = base;
			if (!currentRaw.isEmpty() && currentRaw.get(0) == null) {
				GraphNode rev = parseDowngradeTarget(List.of(head), base, false).revision();
				if (rev == null || rev.isBaseMarker()) {
					current = List.of();
					lower = null;
				}
				else {
					current = List.of(rev);
					lower = rev.id;
				}
			}
			Set<GraphNode> currentSet = new LinkedHashSet<>(this.graph.ancestorsChecked(current));
			currentSet.addAll(current);
			Set<GraphNode> needs = new LinkedHashSet<>(required);
			needs.removeAll(currentSet);
			if (lower != null) {
				needs.addAll(nonNull(this.resolver.revisions(lower)));
			}
			if (!current.isEmpty()) {
				needs.retainAll(this.graph.descendantsChecked(current));
			}
			return topologicalSort(needs, targets);
		}
		catch (RetortException ex) {
			if (ex.code() == CoreErrorCode.RANGE_NOT_ANCESTOR) {
				throw rangeNotAncestor(base, head);
			}
			throw ex;
		}
	}

	private static RetortException rangeNotAncestor(String start, String end) {
		return new RetortException(CoreErrorCode.RANGE_NOT_ANCESTOR, "Requested range " + start + ":" + end
				+ " does not refer to ancestor/descendant revisions along the same branch");
	}

	// ---- current ----------------------------------------------------------------------------

	/** Alembic's {@code _get_all_current}: the rows and everything they imply, reduced to tips. */
	List<GraphNode> allCurrent(Collection<String> rows) {
		List<GraphNode> top = nonNull(this.resolver.revisions(rows));
		Set<GraphNode> all = new LinkedHashSet<>(top);
		all.addAll(this.graph.ancestors(top, true));
		// The tips: nodes of `all` with no proper descendant (through down-revision edges) in `all`.
		// One memoised walk over child edges, not one descendant walk per node (quadratic in history length).
		Map<GraphNode, Boolean> covered = coveredBy(all);
		List<GraphNode> result = new ArrayList<>();
		for (GraphNode node : all) {
			if (!covered.get(node)) {
				result.add(node);
			}
		}
		result.sort((a, b) -> a.id.compareTo(b.id));
		return result;
	}

	/**
	 * For every node reachable from {@code set} through child ({@code nextrev}) edges, whether a node of
	 * {@code set} other than itself is reachable from it that way. Iterative post-order (a long linear
	 * history would overflow a recursive walk); the graph is acyclic once built.
	 */
	private static Map<GraphNode, Boolean> coveredBy(Set<GraphNode> set) {
		Map<GraphNode, Boolean> covered = new HashMap<>();
		Deque<GraphNode> stack = new ArrayDeque<>();
		for (GraphNode start : set) {
			stack.push(start);
			while (!stack.isEmpty()) {
				GraphNode node = stack.peek();
				if (covered.containsKey(node)) {
					stack.pop();
					continue;
				}
				boolean childrenPending = false;
				for (GraphNode child : node.nextNodes()) {
					if (!covered.containsKey(child)) {
						stack.push(child);
						childrenPending = true;
					}
				}
				if (childrenPending) {
					continue;
				}
				boolean found = false;
				for (GraphNode child : node.nextNodes()) {
					if (set.contains(child) || covered.get(child)) {
						found = true;
						break;
					}
				}
				covered.put(node, found);
				stack.pop();
			}
		}
		return covered;
	}

	// ---- targets ----------------------------------------------------------------------------

	/** What a downgrade target names: a revision (null for base) and the branch to stay on. */
	record DowngradeTarget(@Nullable String branchLabel, @Nullable GraphNode revision) {
	}

	/** Alembic's {@code _parse_upgrade_target}. */
	private List<@Nullable GraphNode> parseUpgradeTarget(List<String> rows, String target, boolean noOverwalk) {
		Matcher m = RevisionResolver.RELATIVE.matcher(target);
		if (!m.lookingAt()) {
			return this.resolver.revisions(target);
		}
		String branchLabel = m.group(1);
		String symbol = m.group(2);
		String relativeText = m.group(3);
		int relative = Integer.parseInt(relativeText);
		if (relative > 0) {
			if (symbol == null) {
				List<@Nullable GraphNode> start = new ArrayList<>();
				if (rows.isEmpty()) {
					start.add(null);
				}
				else {
					for (String row : rows) {
						start.add(this.resolver.revision(row));
					}
				}
				if (branchLabel != null) {
					List<GraphNode> current = nonNull(this.resolver.revisions(rows));
					List<@Nullable GraphNode> onBranch = new ArrayList<>(
							this.resolver.filterForLineage(current, branchLabel, false));
					if (onBranch.isEmpty()) {
						List<GraphNode> active = this.resolver
							.filterForLineage(this.graph.ancestors(current, true), branchLabel, false);
						Set<GraphNode> tips = new LinkedHashSet<>(active);
						for (GraphNode node : active) {
							for (String down : node.normalizedDownRevisions()) {
								tips.remove(this.graph.nodeOrNull(down));
							}
						}
						onBranch = new ArrayList<>(tips);
						if (onBranch.isEmpty()) {
							onBranch.add(null);
						}
					}
					start = onBranch;
				}
				if (start.size() > 1) {
					throw new RetortException(CoreErrorCode.AMBIGUOUS_RELATIVE_UPGRADE,
							"Ambiguous upgrade from multiple current revisions " + describe(start) + "; use <label>@"
									+ relativeText + " or <revision>" + relativeText);
				}
				GraphNode reached = this.resolver.walk(start.get(0), relative, branchLabel, noOverwalk);
				if (reached == null) {
					throw relativeOutOfRange(relativeText, relative);
				}
				return single(reached);
			}
			GraphNode reached = this.resolver.walk(this.resolver.revision(symbol), relative, branchLabel, noOverwalk);
			if (reached == null) {
				throw walkedTooFar(target);
			}
			return single(reached);
		}
		if (symbol == null) {
			throw relativeOutOfRange(relativeText, relative);
		}
		GraphNode start = (branchLabel == null) ? this.resolver.revision(symbol)
				: this.resolver.revision(branchLabel + "@" + symbol);
		GraphNode reached = this.resolver.walk(start, relative, null, noOverwalk);
		if (reached == null) {
			throw walkedTooFar(target);
		}
		// A walk down to base means "nothing above base": no upgrade target.
		return reached.isBaseMarker() ? List.of() : single(reached);
	}

	/** Alembic's {@code _parse_downgrade_target}, refusing where Alembic would guess or crash. */
	private DowngradeTarget parseDowngradeTarget(List<String> rows, String target, boolean noOverwalk) {
		Matcher m = RevisionResolver.RELATIVE.matcher(target);
		if (m.lookingAt()) {
			String branchLabel = m.group(1);
			String symbol = m.group(2);
			String relativeText = m.group(3);
			int relative = Integer.parseInt(relativeText);
			if (relative >= 0) {
				if (symbol == null) {
					throw relativeOutOfRange(relativeText, relative);
				}
				GraphNode reached = this.resolver.walk(this.resolver.revision(symbol), relative, branchLabel,
						noOverwalk);
				if (reached == null) {
					throw walkedTooFar(target);
				}
				return new DowngradeTarget(branchLabel, reached);
			}
			boolean relativeToCurrent = symbol == null;
			if (relativeToCurrent) {
				if (branchLabel != null) {
					List<GraphNode> current = nonNull(this.resolver.revisions(rows));
					List<GraphNode> onBranch = this.resolver.filterForLineage(current, branchLabel, false);
					if (onBranch.isEmpty()) {
						onBranch = this.resolver.filterForLineage(allCurrent(rows), branchLabel, false);
					}
					if (onBranch.isEmpty()) {
						throw new RetortException(CoreErrorCode.RELATIVE_OUT_OF_RANGE, "Relative revision " + relativeText
								+ " didn't produce " + Math.abs(relative) + " migrations: no current revision is on"
								+ " branch '" + branchLabel + "' (current: " + rows + ")");
					}
					if (onBranch.size() > 1) {
						throw new RetortException(CoreErrorCode.AMBIGUOUS_RELATIVE_DOWNGRADE, "'" + target
								+ "' is ambiguous: several current revisions are on branch '" + branchLabel + "': "
								+ String.join(", ", RevisionResolver.ids(onBranch)) + "; use <revision>@" + relativeText
								+ " or an explicit target");
					}
					symbol = onBranch.get(0).id;
				}
				else {
					if (rows.isEmpty()) {
						throw relativeOutOfRange(relativeText, relative);
					}
					if (new LinkedHashSet<>(rows).size() > 1) {
						throw new RetortException(CoreErrorCode.AMBIGUOUS_RELATIVE_DOWNGRADE, "downgrade " + target
								+ " is ambiguous: the database has several current heads (" + String.join(", ", rows)
								+ "); use <revision>@" + relativeText + ", <label>@" + relativeText
								+ " or an explicit target");
					}
					symbol = rows.get(0);
					branchLabel = symbol;
				}
			}
			GraphNode start = (branchLabel == null) ? this.resolver.revision(symbol)
					: this.resolver.revision(branchLabel + "@" + symbol);
			GraphNode reached = this.resolver.walk(start, relative, null, noOverwalk);
			if (reached == null) {
				throw relativeToCurrent ? relativeOutOfRange(relativeText, relative) : walkedTooFar(target);
			}
			return new DowngradeTarget(branchLabel, reached);
		}
		int at = target.lastIndexOf('@');
		String branchLabel = (at > 0) ? target.substring(0, at) : null;
		String symbol = target.substring(at + 1);
		return new DowngradeTarget(branchLabel, this.resolver.revision(symbol));
	}

	private static RetortException relativeOutOfRange(String relativeText, int relative) {
		return new RetortException(CoreErrorCode.RELATIVE_OUT_OF_RANGE,
				"Relative revision " + relativeText + " didn't produce " + Math.abs(relative) + " migrations");
	}

	private static RetortException walkedTooFar(String target) {
		return new RetortException(CoreErrorCode.RELATIVE_OUT_OF_RANGE,
				"Walked too far: '" + target + "' goes past the end of the revision graph");
	}

	// ---- ordering ---------------------------------------------------------------------------

	/**
	 * Alembic's {@code _topological_sort}: emits revisions from the heads downward, finishing a
	 * branch before the next, switching to another head whenever the candidate is still needed
	 * by it. Upgrades run the reverse of this order.
	 */
	List<GraphNode> topologicalSort(Collection<GraphNode> revisions, Collection<GraphNode> heads) {
		Set<GraphNode> todo = new LinkedHashSet<>(revisions);
		List<GraphNode> currentHeads = new ArrayList<>();
		for (GraphNode head : new LinkedHashSet<>(heads)) {
			if (todo.contains(head)) {
				currentHeads.add(head);
			}
		}
		currentHeads.sort((a, b) -> Integer.compare(a.loadIndex, b.loadIndex));
		// Alembic's ancestor sets, discovered lazily: only membership of not-yet-emitted nodes is
		// ever asked, so emitted nodes need no removal and a set is explored only as deep as asked.
		List<LazyAncestors> ancestorsByIndex = new ArrayList<>();
		for (GraphNode head : currentHeads) {
			ancestorsByIndex.add(new LazyAncestors(head));
		}
		List<GraphNode> output = new ArrayList<>();
		int candidateIndex = 0;
		long guard = 0;
		long limit = 4L * (this.graph.size() + 1) * (this.graph.size() + 1) + 1000;
		while (!currentHeads.isEmpty()) {
			if (++guard > limit) {
				throw new RetortException(CoreErrorCode.UNSUPPORTED_OPERATION,
						"Cannot order revisions " + RevisionResolver.ids(todo) + ": the walk does not terminate");
			}
			GraphNode candidate = currentHeads.get(candidateIndex);
			int switchTo = -1;
			for (int i = 0; i < ancestorsByIndex.size(); i++) {
				if (i != candidateIndex && ancestorsByIndex.get(i).contains(candidate)) {
					switchTo = i;
					break;
				}
			}
			if (switchTo >= 0) {
				candidateIndex = switchTo;
				continue;
			}
			if (todo.remove(candidate)) {
				output.add(candidate);
			}
			List<GraphNode> toAdd = new ArrayList<>();
			for (GraphNode down : candidate.normalizedDownNodes()) {
				if (todo.contains(down) && !currentHeads.contains(down)) {
					toAdd.add(down);
				}
			}
			if (toAdd.isEmpty()) {
				currentHeads.remove(candidateIndex);
				ancestorsByIndex.remove(candidateIndex);
				candidateIndex = Math.max(candidateIndex - 1, 0);
			}
			else if (candidate.normalizedDependencies.isEmpty() && candidate.versionedDownRevisions().size() == 1) {
				// The candidate's ancestors are its single parent's plus itself: the set stays valid.
				currentHeads.set(candidateIndex, toAdd.get(0));
			}
			else {
				currentHeads.set(candidateIndex, toAdd.get(0));
				ancestorsByIndex.set(candidateIndex, new LazyAncestors(toAdd.get(0)));
				for (GraphNode extra : toAdd.subList(1, toAdd.size())) {
					currentHeads.add(extra);
					ancestorsByIndex.add(new LazyAncestors(extra));
				}
			}
		}
		if (!todo.isEmpty()) {
			// Alembic fails here with a bare AssertionError; Retort names what it could not order.
			throw new RetortException(CoreErrorCode.UNSUPPORTED_OPERATION, "Revisions " + RevisionResolver.ids(todo)
					+ " are not reachable from " + RevisionResolver.ids(heads)
					+ " along down revisions and dependencies; narrow the range or target");
		}
		return output;
	}

	// ---- steps ------------------------------------------------------------------------------

	private MigrationPlan plan(Command command, String target, List<String> rows, List<GraphNode> order,
			boolean upgrade) {
		VersionRows versionRows = new VersionRows(rows, command + " " + target);
		AncestorCache ancestors = new AncestorCache();
		List<MigrationStep> steps = new ArrayList<>();
		for (GraphNode node : order) {
			steps.add(upgrade ? versionRows.up(node, ancestors) : versionRows.down(node, ancestors));
		}
		return new MigrationPlan(command, target, steps, sorted(rows), versionRows.sorted());
	}

	/**
	 * Ancestor sets of the version rows a plan passes through, kept for the few rows alive at a
	 * time: Alembic recomputes them at every step, which is quadratic on long histories.
	 */
	private final class AncestorCache implements AncestorIndex {

		private final Map<String, LazyAncestors> recent = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, LazyAncestors> eldest) {
				return size() > 16;
			}
		};

		@Override
		public boolean isAncestorOfAny(String id, Collection<String> rows) {
			GraphNode node = MigrationPlanner.this.graph.nodeOrNull(id);
			if (node == null) {
				return false;
			}
			for (String row : rows) {
				if (this.recent.computeIfAbsent(row, this::ancestorsOf).contains(node)) {
					return true;
				}
			}
			return false;
		}

		private LazyAncestors ancestorsOf(String row) {
			GraphNode node = MigrationPlanner.this.graph.nodeOrNull(row);
			return new LazyAncestors((node != null) ? node : MigrationPlanner.this.resolver.revision(row));
		}
	}

	private static List<String> sorted(Collection<String> rows) {
		return rows.stream().distinct().sorted().toList();
	}

	private static List<GraphNode> nonNull(List<@Nullable GraphNode> nodes) {
		return nodes.stream().filter(Objects::nonNull).filter((n) -> !n.isBaseMarker()).toList();
	}

	private static List<@Nullable GraphNode> single(GraphNode node) {
		List<@Nullable GraphNode> list = new ArrayList<>();
		list.add(node);
		return list;
	}

	private static String describe(List<@Nullable GraphNode> nodes) {
		return nodes.stream().map((n) -> (n == null) ? "base" : n.id).toList().toString();
	}
}
