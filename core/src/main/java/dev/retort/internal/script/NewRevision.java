package dev.retort.internal.script;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What {@code retort revision} (or {@code merge}) asks {@link RevisionFileWriter} to write.
 *
 * @param id the new revision's id (see {@link RevisionFileWriter#newId()})
 * @param revises its down revisions: none for a base, several for a merge
 * @param message the message (one line; line breaks are folded into spaces)
 * @param createDate written as {@code Create Date: yyyy-MM-dd HH:mm:ss}
 * @param branchLabels branch labels to declare
 * @param dependsOn ids or labels it depends on
 * @param transactional false to run it outside a transaction
 */
public record NewRevision(String id, List<String> revises, String message, LocalDateTime createDate,
		List<String> branchLabels, List<String> dependsOn, boolean transactional) {

	public NewRevision {
		revises = List.copyOf(revises);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}
}
