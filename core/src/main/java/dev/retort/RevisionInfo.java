package dev.retort;

import java.util.List;

/**
 * A revision of the code's graph, as {@code history}, {@code heads} and {@code show} present it.
 *
 * @param id the revision id
 * @param downRevisions the revisions it revises
 * @param branchLabels its effective branch labels (after Alembic's propagation)
 * @param declaredBranchLabels the labels declared on the revision itself
 * @param dependsOn the dependencies as declared
 * @param message the message
 * @param source the file path or class name it comes from
 * @param head whether nothing revises it
 * @param base whether it revises nothing
 * @param branchPoint whether several revisions revise it
 * @param mergePoint whether it revises several revisions
 * @param realHead whether nothing revises it and nothing depends on it ({@code upgrade heads}
 * targets it); a head that another revision depends on is only an "effective head"
 * @param nextRevisions the revisions that revise it, sorted
 * @param resolvedDependencies its dependencies resolved to revision ids (labels replaced by the
 * revision declaring them), in declared order
 */
public record RevisionInfo(String id, List<String> downRevisions, List<String> branchLabels,
		List<String> declaredBranchLabels, List<String> dependsOn, String message, String source, boolean head,
		boolean base, boolean branchPoint, boolean mergePoint, boolean realHead, List<String> nextRevisions,
		List<String> resolvedDependencies) {

	public RevisionInfo {
		downRevisions = List.copyOf(downRevisions);
		branchLabels = List.copyOf(branchLabels);
		declaredBranchLabels = List.copyOf(declaredBranchLabels);
		dependsOn = List.copyOf(dependsOn);
		nextRevisions = List.copyOf(nextRevisions);
		resolvedDependencies = List.copyOf(resolvedDependencies);
	}
}
