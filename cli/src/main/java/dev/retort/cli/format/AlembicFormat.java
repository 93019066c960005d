package dev.retort.cli.format;

import java.util.List;
import java.util.function.Function;

import dev.retort.RevisionInfo;

/**
 * Alembic's text forms of a revision, word for word, so output can be compared with
 * {@code alembic history}, {@code alembic heads} and {@code alembic current}:
 * <ul>
 * <li>{@code history}: {@code <base> -> 1a2b (label) (head), message}, with
 * {@code a, b -> m (mergepoint)}, {@code (branchpoint)}, {@code (effective head)} and declared
 * dependencies as {@code a (dep) -> b};</li>
 * <li>{@code heads}: {@code 1a2b (label) (head)};</li>
 * <li>{@code current}: {@code 1a2b (head)};</li>
 * <li>verbose ({@code -v}): the {@code Rev:/Parent:/Path:} block followed by the indented header.</li>
 * </ul>
 */
public final class AlembicFormat {

	private final RevisionIndex index;

	private final Function<RevisionInfo, String> longDoc;

	/**
	 * @param index the code's revisions
	 * @param longDoc the full description of a revision (message, blank line, header lines), shown
	 * indented by verbose forms
	 */
	public AlembicFormat(RevisionIndex index, Function<RevisionInfo, String> longDoc) {
		this.index = index;
		this.longDoc = longDoc;
	}

	/** The index this format reads relations from. */
	public RevisionIndex index() {
		return this.index;
	}

	/** One line of {@code history}. */
	public String historyLine(RevisionInfo revision, boolean current) {
		return headOnly(revision, true, true, true, true, current);
	}

	/** One line of {@code heads}. */
	public String headsLine(RevisionInfo revision) {
		return headOnly(revision, true, false, false, false, false);
	}

	/** One line of {@code current}. */
	public String currentLine(RevisionInfo revision) {
		return headOnly(revision, false, false, false, true, false);
	}

	/** The first line of a {@code branches} block: {@code id (labels) (head) (branchpoint)}. */
	public String branchPointLine(RevisionInfo revision) {
		return headOnly(revision, true, false, false, true, false);
	}

	/** A child line of a {@code branches} block (after the indent and {@code -> }). */
	public String branchChildLine(RevisionInfo revision, boolean withMessage) {
		return headOnly(revision, true, withMessage, false, true, false);
	}

	/**
	 * Alembic's {@code Revision._head_only}.
	 */
	String headOnly(RevisionInfo revision, boolean includeBranches, boolean includeDoc, boolean includeParents,
			boolean treeIndicators, boolean current) {
		StringBuilder text = new StringBuilder();
		if (includeParents) {
			text.append(downRevisions(revision));
			if (!revision.dependsOn().isEmpty()) {
				text.append(" (").append(String.join(", ", revision.dependsOn())).append(")");
			}
			text.append(" -> ");
		}
		text.append(revision.id());
		if (includeBranches && !revision.branchLabels().isEmpty()) {
			text.append(" (").append(String.join(", ", revision.branchLabels())).append(")");
		}
		boolean realHead = this.index.isRealHead(revision);
		if (realHead) {
			text.append(" (head)");
		}
		if (revision.head() && !realHead) {
			text.append(" (effective head)");
		}
		if (current) {
			text.append(" (current)");
		}
		if (treeIndicators) {
			if (revision.branchPoint()) {
				text.append(" (branchpoint)");
			}
			if (revision.mergePoint()) {
				text.append(" (mergepoint)");
			}
		}
		if (includeDoc) {
			text.append(", ").append(revision.message());
		}
		return text.toString();
	}

	/**
	 * Alembic's {@code Script.log_entry}: ends with a blank line, so entries printed one after the
	 * other are separated as Alembic separates them.
	 */
	public String logEntry(RevisionInfo revision, boolean current) {
		StringBuilder entry = new StringBuilder("Rev: ").append(revision.id());
		if (revision.head()) {
			entry.append(" (head)");
		}
		if (revision.branchPoint()) {
			entry.append(" (branchpoint)");
		}
		if (revision.mergePoint()) {
			entry.append(" (mergepoint)");
		}
		if (current) {
			entry.append(" (current)");
		}
		entry.append('\n');
		entry.append(revision.mergePoint() ? "Merges: " : "Parent: ").append(downRevisions(revision)).append('\n');
		if (!revision.dependsOn().isEmpty()) {
			entry.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		if (revision.branchPoint()) {
			entry.append("Branches into: ").append(String.join(", ", this.index.children(revision.id())))
				.append('\n');
		}
		if (!revision.branchLabels().isEmpty()) {
			entry.append("Branch names: ").append(String.join(", ", revision.branchLabels())).append('\n');
		}
		entry.append("Path: ").append(RevisionSources.display(revision.source())).append('\n');
		entry.append('\n');
		List<String> lines = this.longDoc.apply(revision).strip().lines().toList();
		entry.append(String.join("\n", lines.stream().map((line) -> "    " + line).toList()));
		entry.append('\n');
		return entry.toString();
	}

	/** {@code <base>} for a base, else the down revisions joined by {@code ", "}. */
	public static String downRevisions(RevisionInfo revision) {
		return revision.downRevisions().isEmpty() ? "<base>" : String.join(", ", revision.downRevisions());
	}
}
