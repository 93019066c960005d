package dev.retort;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.internal.script.RevisionFileWriter;
import dev.retort.internal.script.RevisionIds;

/**
 * A revision file to create, as {@code retort revision} (or {@code merge}) writes it: rendered by
 * {@link #sqlFile()} or {@link #javaFile(String)}, with the header Retort reads back.
 *
 * @param id the new revision's id (see {@link #newId()})
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

	/**
	 * A new random revision id: 12 hexadecimal digits, as Alembic makes them.
	 * @return the id
	 */
	public static String newId() {
		return RevisionFileWriter.newId();
	}

	/**
	 * Why {@code id} cannot be a revision id.
	 * @param id the id asked for
	 * @return the problem, or {@code null} if it can
	 */
	public static @Nullable String idProblem(String id) {
		return RevisionIds.idProblem(id);
	}

	/**
	 * Why {@code label} cannot be a branch label.
	 * @param label the label asked for
	 * @return the problem, or {@code null} if it can
	 */
	public static @Nullable String labelProblem(String label) {
		return RevisionIds.nameProblem(label);
	}

	/**
	 * This revision as a SQL revision file ({@code <id>_<slug>.sql}).
	 * @return the file, not yet written anywhere
	 * @throws RetortException {@code ILLEGAL_REVISION_ID} if the id is not valid
	 */
	public RevisionFile sqlFile() {
		return RevisionFileWriter.sql(this);
	}

	/**
	 * This revision as a Java revision class in {@code packageName}.
	 * @param packageName the package of the class ({@code ""} for none)
	 * @return the file, not yet written anywhere
	 * @throws RetortException {@code ILLEGAL_REVISION_ID} if the id is not valid
	 */
	public RevisionFile javaFile(String packageName) {
		return RevisionFileWriter.java(this, packageName);
	}
}
