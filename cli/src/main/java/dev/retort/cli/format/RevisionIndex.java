package dev.retort.cli.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.RevisionInfo;
import org.jspecify.annotations.Nullable;

/**
 * The code's revisions by id, with the relations the façade's records do not carry directly:
 * children, dependents (revisions whose {@code depends_on} names a revision), and whether a head is
 * a real head (Alembic's {@code _is_real_head}: nothing revises it and nothing depends on it) or only
 * an effective head (the target of another revision's dependency).
 */
public final class RevisionIndex {

	private final Map<String, RevisionInfo> byId = new LinkedHashMap<>();

	private final Map<String, List<String>> children = new LinkedHashMap<>();

	private final Map<String, List<String>> dependents = new LinkedHashMap<>();

	/**
	 * @param revisions every revision of the code; children are listed in this order reversed, so
	 * pass them as {@code history} lists them (newest first) to get oldest-first children
	 */
	public RevisionIndex(List<RevisionInfo> revisions) {
		for (RevisionInfo revision : revisions) {
			this.byId.put(revision.id(), revision);
		}
		List<RevisionInfo> oldestFirst = new ArrayList<>(revisions);
		Collections.reverse(oldestFirst);
		for (RevisionInfo revision : oldestFirst) {
			for (String down : revision.downRevisions()) {
				this.children.computeIfAbsent(down, (key) -> new ArrayList<>()).add(revision.id());
			}
			for (String dependency : revision.dependsOn()) {
				RevisionInfo target = resolveDependency(dependency);
				if (target != null) {
					this.dependents.computeIfAbsent(target.id(), (key) -> new ArrayList<>()).add(revision.id());
				}
			}
		}
	}

	/** The revision with this exact id, if known. */
	public @Nullable RevisionInfo find(String id) {
		return this.byId.get(id);
	}

	/** All revisions, in the order given. */
	public List<RevisionInfo> all() {
		return List.copyOf(this.byId.values());
	}

	/** All ids. */
	public Set<String> ids() {
		return Collections.unmodifiableSet(this.byId.keySet());
	}

	/** Revisions that revise {@code id}. */
	public List<String> children(String id) {
		return this.children.getOrDefault(id, List.of());
	}

	/** Revisions whose {@code depends_on} resolves to {@code id}. */
	public List<String> dependents(String id) {
		return this.dependents.getOrDefault(id, List.of());
	}

	/** Whether nothing revises and nothing depends on this revision. */
	public boolean isRealHead(RevisionInfo revision) {
		return revision.head() && dependents(revision.id()).isEmpty();
	}

	/**
	 * What a {@code depends_on} entry names: a full id, a branch label (the revision declaring it,
	 * as in Alembic), or a unique id prefix.
	 */
	public @Nullable RevisionInfo resolveDependency(String entry) {
		RevisionInfo exact = this.byId.get(entry);
		if (exact != null) {
			return exact;
		}
		for (RevisionInfo revision : this.byId.values()) {
			if (revision.declaredBranchLabels().contains(entry)) {
				return revision;
			}
		}
		RevisionInfo match = null;
		for (RevisionInfo revision : this.byId.values()) {
			if (revision.id().startsWith(entry)) {
				if (match != null) {
					return null;
				}
				match = revision;
			}
		}
		return match;
	}
}
