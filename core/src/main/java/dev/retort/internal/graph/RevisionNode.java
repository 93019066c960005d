package dev.retort.internal.graph;

import java.util.List;

/**
 * A revision as declared by its script: the graph's input. Lists keep their declared order,
 * which Alembic's algorithms depend on.
 *
 * @param id the revision id
 * @param downRevisions the revisions it revises (empty for a base, several for a merge)
 * @param branchLabels the branch labels declared on this revision
 * @param dependsOn ids or branch labels this revision depends on, as written
 * @param message the first comment line or the annotation's message
 * @param source where it was read from (file path or class name), for error messages
 */
public record RevisionNode(String id, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
		String message, String source) {

	public RevisionNode {
		downRevisions = List.copyOf(downRevisions);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}
}
