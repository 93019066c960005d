package dev.retort.cli.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.retort.RevisionInfo;
import org.jspecify.annotations.Nullable;

/**
 * The code's revisions by id, for formatters that follow links between them. Built from the whole
 * history on first use, so a verb that formats only revisions in hand ({@code heads}) never asks
 * the engine for every revision's info (a tenth of {@code heads} at 10,000 revisions); a single
 * revision can be looked up alone when a finder is given ({@code current}).
 */
public final class RevisionIndex {

	private final Supplier<List<RevisionInfo>> revisions;

	private final @Nullable Function<String, @Nullable RevisionInfo> finder;

	private @Nullable Map<String, RevisionInfo> byId;

	/** @param revisions every revision of the code, in the order {@link #all()} returns them */
	public RevisionIndex(List<RevisionInfo> revisions) {
		this(() -> revisions, null);
	}

	/**
	 * @param revisions every revision of the code, in the order {@link #all()} returns them, asked
	 * for once, when first needed
	 * @param finder looks up one revision by a word that may be its id (may answer another revision
	 * or null for a word that is no exact id: the whole index decides then)
	 */
	public RevisionIndex(Supplier<List<RevisionInfo>> revisions,
			@Nullable Function<String, @Nullable RevisionInfo> finder) {
		this.revisions = revisions;
		this.finder = finder;
	}

	private Map<String, RevisionInfo> byId() {
		Map<String, RevisionInfo> map = this.byId;
		if (map == null) {
			map = new LinkedHashMap<>();
			for (RevisionInfo revision : this.revisions.get()) {
				map.put(revision.id(), revision);
			}
			this.byId = map;
		}
		return map;
	}

	/** The revision with this exact id, if known. */
	public @Nullable RevisionInfo find(String id) {
		if (this.byId == null && this.finder != null) {
			RevisionInfo found = this.finder.apply(id);
			if (found != null && found.id().equals(id)) {
				return found;
			}
		}
		return byId().get(id);
	}

	/** All revisions, in the order given. */
	public List<RevisionInfo> all() {
		return List.copyOf(byId().values());
	}

	/** All ids. */
	public Set<String> ids() {
		return Collections.unmodifiableSet(byId().keySet());
	}

	/** Revisions that revise {@code id}. */
	public List<String> children(String id) {
		RevisionInfo revision = find(id);
		return (revision != null) ? revision.nextRevisions() : List.of();
	}

	/** Whether nothing revises and nothing depends on this revision. */
	public boolean isRealHead(RevisionInfo revision) {
		return revision.realHead();
	}

	/** The revisions {@code revision} depends on, resolved by the engine. */
	public List<RevisionInfo> dependencies(RevisionInfo revision) {
		return revision.resolvedDependencies().stream().map(this::find).filter((r) -> r != null).toList();
	}
}
