package dev.retort.cli.generate;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a new revision file declares.
 *
 * @param id the revision id
 * @param message the message (one line)
 * @param downRevisions the revisions it revises (empty for a base, several for a merge)
 * @param branchLabels branch labels declared on it
 * @param dependsOn its dependencies (ids or branch labels)
 * @param createDate when it was generated
 */
public record RevisionFileSpec(String id, String message, List<String> downRevisions, List<String> branchLabels,
		List<String> dependsOn, LocalDateTime createDate) {

	public RevisionFileSpec {
		message = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
		downRevisions = List.copyOf(downRevisions);
		branchLabels = List.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	/** Whether it revises several revisions. */
	public boolean isMerge() {
		return this.downRevisions.size() > 1;
	}
}
