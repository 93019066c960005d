package dev.retort.cli.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.RevisionInfo;
import org.jspecify.annotations.Nullable;

/** The code's revisions by id, for formatters that follow links between them. */
public final class RevisionIndex {

	private final Map<String, RevisionInfo> byId = new LinkedHashMap<>();

	/** @param revisions every revision of the code, in the order {@link #all()} returns them */
	public RevisionIndex(List<RevisionInfo> revisions) {
		for (RevisionInfo revision : revisions) {
			this.byId.put(revision.id(), revision);
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
		RevisionInfo revision = this.byId.get(id);
		return (revision != null) ? revision.nextRevisions() : List.of();
	}

	/** Whether nothing revises and nothing depends on this revision. */
	public boolean isRealHead(RevisionInfo revision) {
		return revision.realHead();
	}

	/** The revisions {@code revision} depends on, resolved by the engine. */
	public List<RevisionInfo> dependencies(RevisionInfo revision) {
		return revision.resolvedDependencies().stream().map(this.byId::get).filter((r) -> r != null).toList();
	}
}
