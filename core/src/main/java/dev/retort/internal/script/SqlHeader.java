package dev.retort.internal.script;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.internal.graph.RevisionNode;

/**
 * The header of a SQL revision file, as read before its first section marker.
 *
 * @param node the revision's place in the graph
 * @param createDate the {@code Create Date:} value as written, or {@code null} if absent
 * @param transactional the {@code Transactional:} value (default true)
 * @param firstSectionLine the line of the first {@code -- +upgrade} marker
 */
record SqlHeader(RevisionNode node, @Nullable String createDate, boolean transactional, int firstSectionLine) {

	/** Whether this header declares the same revision as {@code other} (line numbers aside). */
	boolean sameDeclaration(SqlHeader other) {
		return this.node.equals(other.node) && this.transactional == other.transactional
				&& java.util.Objects.equals(this.createDate, other.createDate);
	}

	List<String> downRevisions() {
		return this.node.downRevisions();
	}
}
