package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * Turns revision identifiers into revisions exactly as Alembic's {@code RevisionMap} does:
 * {@code head}, {@code heads}, {@code base}, ids and unique prefixes, labels, {@code label@spec},
 * and the relative forms ({@code -1}, {@code label@-1}, {@code rev+2}) through {@link #walk}.
 * A {@code null} element stands for Alembic's {@code None} (base); {@link GraphNode#BASE} for the
 * string {@code "base"} a downward walk yields.
 */
final class RevisionResolver {

	/** Alembic's {@code _relative_destination}, matched at the start only, as {@code re.match} does. */
	static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)");

	private final RevisionGraph graph;

	RevisionResolver(RevisionGraph graph) {
		this.graph = graph;
	}

	/** A spec split into ids and branch label ({@code _resolve_revision_number}). */
	record Resolved(List<String> ids, @Nullable String branchLabel) {
	}

	Resolved resolveNumber(@Nullable String spec) {
		String branchLabel = null;
		String id = spec;
		if (spec != null && spec.contains("@")) {
			int at = spec.indexOf('@');
			branchLabel = spec.substring(0, at);
			id = spec.substring(at + 1);
			if (branchLabel.isEmpty()) {
				branchLabel = null;
			}
		}
		if ("heads".equals(id)) {
			if (branchLabel != null) {
				return new Resolved(ids(filterForLineage(this.graph.headNodes(), branchLabel, false)), branchLabel);
			}
			return new Resolved(ids(this.graph.realHeadNodes()), null);
		}
		if ("head".equals(id)) {
			GraphNode head = currentHead(branchLabel);
			return new Resolved((head != null) ? List.of(head.id) : List.of(), branchLabel);
		}
		if (id == null || "base".equals(id)) {
			return new Resolved(List.of(), branchLabel);
		}
		return new Resolved(List.of(id), branchLabel);
	}

	/** {@code get_current_head(branch_label)}. */
	@Nullable GraphNode currentHead(@Nullable String branchLabel) {
		List<GraphNode> heads = this.graph.headNodes();
		if (branchLabel != null) {
			heads = filterForLineage(heads, branchLabel, false);
		}
		if (heads.size() > 1) {
			String argument = (branchLabel != null) ? branchLabel + "@head" : "head";
			throw new RetortException(CoreErrorCode.MULTIPLE_HEADS, "Multiple head revisions are present for given argument '"
					+ argument + "': " + String.join(", ", ids(heads)) + "; please specify a specific target revision, '"
					+ "<branchname>@head' to narrow to a specific head, or 'heads' for all heads");
		}
		return heads.isEmpty() ? null : heads.get(0);
	}

	/** {@code get_revisions(spec)}: several revisions, possibly empty (base). */
	List<@Nullable GraphNode> revisions(@Nullable String spec) {
		Resolved resolved = resolveNumber(spec);
		if (resolved.ids().size() == 1) {
			Integer steps = parseInt(resolved.ids().get(0));
			if (steps != null && steps < 0) {
				List<GraphNode> heads = this.graph.realHeadNodes();
				if (resolved.branchLabel() != null) {
					List<GraphNode> selected = new ArrayList<>();
					for (GraphNode head : heads) {
						if (head.branchLabels().contains(resolved.branchLabel())) {
							selected.add(head);
						}
					}
					heads = selected;
				}
				List<@Nullable GraphNode> result = new ArrayList<>();
				for (GraphNode head : heads) {
					result.add(walk(head, steps, null, true));
				}
				return result;
			}
		}
		List<@Nullable GraphNode> result = new ArrayList<>();
		for (String id : resolved.ids()) {
			result.add(revisionForIdent(id, resolved.branchLabel()));
		}
		return result;
	}

	/** {@code get_revisions} over several specs (a tuple in Alembic): results concatenated. */
	List<@Nullable GraphNode> revisions(Collection<String> specs) {
		List<@Nullable GraphNode> result = new ArrayList<>();
		for (String spec : specs) {
			result.addAll(revisions(spec));
		}
		return result;
	}

	/** {@code get_revision(spec)}: one revision, or {@code null} for base. */
	@Nullable GraphNode revision(@Nullable String spec) {
		Resolved resolved = resolveNumber(spec);
		if (resolved.ids().size() > 1) {
			throw new RetortException(CoreErrorCode.MULTIPLE_HEADS, "Multiple heads are present for given argument '" + spec
					+ "': " + String.join(", ", resolved.ids()) + "; please specify a single revision");
		}
		return resolved.ids().isEmpty() ? null : revisionForIdent(resolved.ids().get(0), resolved.branchLabel());
	}

	/** {@code _resolve_branch}: a label, an id, or a unique prefix naming a branch. */
	GraphNode resolveBranch(String branchLabel) {
		GraphNode node = this.graph.mapLookup(branchLabel);
		if (node != null) {
			return node;
		}
		try {
			GraphNode byPrefix = revisionForIdent(branchLabel, null);
			if (byPrefix == null) {
				throw new RetortException(CoreErrorCode.UNKNOWN_BRANCH, "No such branch: '" + branchLabel + "'");
			}
			return byPrefix;
		}
		catch (RetortException ex) {
			if (ex.code() == CoreErrorCode.UNKNOWN_REVISION) {
				throw new RetortException(CoreErrorCode.UNKNOWN_BRANCH, "No such branch: '" + branchLabel + "'", ex);
			}
			throw ex;
		}
	}

	/** {@code _revision_for_ident}. */
	@Nullable GraphNode revisionForIdent(@Nullable String id, @Nullable String checkBranch) {
		GraphNode branch = (checkBranch != null) ? resolveBranch(checkBranch) : null;
		if (id == null || id.isEmpty()) {
			return null;
		}
		GraphNode revision = this.graph.mapLookup(id);
		if (revision == null) {
			List<String> candidates = new ArrayList<>();
			for (String key : this.graph.mapKeys()) {
				if (key.length() > 3 && key.startsWith(id)) {
					candidates.add(key);
				}
			}
			if (branch != null) {
				List<String> inLineage = new ArrayList<>();
				for (String candidate : candidates) {
					if (sharesLineage(this.graph.mapLookup(candidate), List.of(checkBranch), false)) {
						inLineage.add(candidate);
					}
				}
				candidates = inLineage;
			}
			if (candidates.isEmpty()) {
				throw new RetortException(CoreErrorCode.UNKNOWN_REVISION, "No such revision or branch '" + id + "'"
						+ ((id.length() < 4) ? "; please ensure at least four characters are present for partial"
								+ " revision identifier matches" : ""));
			}
			if (candidates.size() > 1) {
				List<String> shown = candidates.subList(0, Math.min(10, candidates.size()));
				throw new RetortException(CoreErrorCode.AMBIGUOUS_PREFIX, "Multiple revisions start with '" + id + "': "
						+ String.join(", ", shown.stream().map((c) -> "'" + c + "'").toList())
						+ ((candidates.size() > shown.size()) ? ", ..." : "") + "; use more characters");
			}
			revision = this.graph.mapLookup(candidates.get(0));
		}
		if (branch != null && !sharesLineage(revision, List.of(branch.id), false)) {
			throw new RetortException(CoreErrorCode.NOT_IN_BRANCH,
					"Revision " + revision.id + " is not a member of branch '" + checkBranch + "'");
		}
		return revision;
	}

	/** {@code filter_for_lineage}: the targets that share a lineage with {@code checkAgainst}. */
	List<GraphNode> filterForLineage(Collection<GraphNode> targets, @Nullable String checkAgainst,
			boolean includeDependencies) {
		Resolved resolved = resolveNumber(checkAgainst);
		List<String> shares = new ArrayList<>();
		if (resolved.branchLabel() != null) {
			shares.add(resolved.branchLabel());
		}
		shares.addAll(resolved.ids());
		List<GraphNode> result = new ArrayList<>();
		for (GraphNode target : targets) {
			if (sharesLineage(target, shares, includeDependencies)) {
				result.add(target);
			}
		}
		return result;
	}

	/** {@code _shares_lineage}. */
	boolean sharesLineage(GraphNode target, List<String> testAgainst, boolean includeDependencies) {
		if (testAgainst.isEmpty()) {
			return true;
		}
		Set<GraphNode> against = new LinkedHashSet<>();
		for (String spec : testAgainst) {
			GraphNode node = revisionForIdent(spec, null);
			if (node != null) {
				against.add(node);
			}
		}
		List<GraphNode> single = List.of(target);
		Set<GraphNode> lineage = new LinkedHashSet<>(this.graph.descendants(single, includeDependencies));
		lineage.addAll(this.graph.ancestors(single, includeDependencies));
		lineage.retainAll(against);
		return !lineage.isEmpty();
	}

	/**
	 * {@code _walk}: {@code steps} edges up (positive) or down (negative) from {@code start}
	 * ({@code null} = below the bases). Returns {@code null} when the walk runs off the graph and
	 * {@code noOverwalk} is set; fails with {@code AMBIGUOUS_WALK} at a fork.
	 */
	@Nullable GraphNode walk(@Nullable GraphNode start, int steps, @Nullable String branchLabel, boolean noOverwalk) {
		GraphNode current = start;
		for (int i = 0; i < Math.abs(steps); i++) {
			List<@Nullable GraphNode> children;
			if (steps > 0) {
				if (current != null && current.isBaseMarker()) {
					throw new RetortException(CoreErrorCode.RELATIVE_OUT_OF_RANGE, "Cannot walk up from base marker");
				}
				List<@Nullable GraphNode> up = (current == null) ? new ArrayList<>(this.graph.baseNodes())
						: revisions(current.nextrev());
				if (branchLabel != null) {
					List<GraphNode> nonNull = new ArrayList<>();
					up.forEach((n) -> nonNull.add(n));
					children = new ArrayList<>(filterForLineage(nonNull, branchLabel, false));
				}
				else {
					children = up;
				}
			}
			else if (current != null && current.isBaseMarker()) {
				children = List.of();
			}
			else {
				children = (current == null) ? new ArrayList<>(this.graph.headNodes())
						: revisions(current.versionedDownRevisions());
				if (children.isEmpty()) {
					children = new ArrayList<>();
					children.add(GraphNode.BASE);
				}
			}
			if (children.isEmpty()) {
				return noOverwalk ? null : current;
			}
			if (children.size() > 1) {
				throw new RetortException(CoreErrorCode.AMBIGUOUS_WALK, "Ambiguous walk: "
						+ ((current == null) ? "base" : current.id) + " has several "
						+ ((steps > 0) ? "children" : "parents") + " (" + String.join(", ",
								children.stream().map((n) -> (n != null) ? n.id : "base").toList())
						+ "); name the branch, e.g. <label>@+1 or <revision>@-1");
			}
			current = children.get(0);
		}
		return current;
	}

	static @Nullable Integer parseInt(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static List<String> ids(Collection<GraphNode> nodes) {
		List<String> ids = new ArrayList<>();
		for (GraphNode node : nodes) {
			ids.add(node.id);
		}
		return ids;
	}
}
