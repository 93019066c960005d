package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.retort.CoreErrorCode;
import dev.retort.Direction;
import dev.retort.MigrationStep;
import dev.retort.RetortException;
import dev.retort.VersionRowChange;

/**
 * Replays Alembic's {@code HeadMaintainer} over the version rows while a plan is made, recording
 * each step's row changes. Where Alembic's bookkeeping would crash (a row it expects is gone,
 * a row it inserts is there), the whole plan is refused before anything runs.
 */
final class VersionRows {

	private final Set<String> heads;

	private final String operation;

	VersionRows(Collection<String> rows, String operation) {
		this.heads = new LinkedHashSet<>(rows);
		this.operation = operation;
	}

	List<String> sorted() {
		return this.heads.stream().sorted().toList();
	}

	/** The step that runs {@code node}'s upgrade. */
	MigrationStep up(GraphNode node, AncestorIndex ancestors) {
		List<String> before = sorted();
		List<VersionRowChange> changes = new ArrayList<>();
		List<String> down = node.normalizedDownRevisions();
		Set<String> present = new LinkedHashSet<>(this.heads);
		present.retainAll(down);
		if (down.isEmpty() || present.isEmpty()) {
			insert(node.id, changes, node);
		}
		else if (down.size() > 1 && present.size() > 1) {
			List<String> from = new ArrayList<>(down);
			Set<String> others = new LinkedHashSet<>(this.heads);
			others.removeAll(down);
			from.removeIf((id) -> ancestors.isAncestorOfAny(id, others));
			if (from.isEmpty()) {
				throw crash(node, "no down revision of the merge is left to update");
			}
			for (String delete : from.subList(0, from.size() - 1)) {
				delete(delete, changes, node);
			}
			update(from.get(from.size() - 1), node.id, changes, node);
		}
		else {
			update(singleDown(node, down), node.id, changes, node);
		}
		return new MigrationStep(Direction.UPGRADE, node.id, changes, before, sorted());
	}

	/** The step that runs {@code node}'s downgrade. */
	MigrationStep down(GraphNode node, AncestorIndex ancestors) {
		List<String> before = sorted();
		List<VersionRowChange> changes = new ArrayList<>();
		List<String> down = node.normalizedDownRevisions();
		boolean isRow = this.heads.contains(node.id);
		List<String> to = isRow ? unmergeTo(node, down, ancestors) : down;
		if (isRow && (down.isEmpty() || to.isEmpty())) {
			delete(node.id, changes, node);
		}
		else if (isRow && down.size() > 1) {
			for (String insert : to.subList(0, to.size() - 1)) {
				insert(insert, changes, node);
			}
			update(node.id, to.get(to.size() - 1), changes, node);
		}
		else {
			update(node.id, singleDown(node, down), changes, node);
		}
		return new MigrationStep(Direction.DOWNGRADE, node.id, changes, before, sorted());
	}

	/** A stamp step, as Alembic's {@code StampStep} with its flags. */
	MigrationStep stamp(List<String> from, List<String> to, boolean upgrade, boolean branchMove) {
		List<String> before = sorted();
		List<VersionRowChange> changes = new ArrayList<>();
		Set<String> missingFrom = new LinkedHashSet<>(from);
		missingFrom.removeAll(this.heads);
		Set<String> missingTo = new LinkedHashSet<>(to);
		missingTo.removeAll(this.heads);
		if (!upgrade && branchMove) {
			requireOne(from, "stamp");
			delete(from.get(0), changes, null);
		}
		else if (upgrade && (branchMove || !missingFrom.isEmpty()) && !missingTo.isEmpty()) {
			requireOne(to, "stamp");
			insert(to.get(0), changes, null);
		}
		else if (from.size() > 1) {
			for (String delete : from.subList(0, from.size() - 1)) {
				delete(delete, changes, null);
			}
			update(from.get(from.size() - 1), to.get(0), changes, null);
		}
		else {
			requireOne(from, "stamp");
			requireOne(to, "stamp");
			update(from.get(0), to.get(0), changes, null);
		}
		return new MigrationStep(Direction.STAMP, null, changes, before, sorted());
	}

	private List<String> unmergeTo(GraphNode node, List<String> down, AncestorIndex ancestors) {
		Set<String> others = new LinkedHashSet<>(this.heads);
		others.remove(node.id);
		List<String> to = new ArrayList<>(down);
		to.removeIf((id) -> ancestors.isAncestorOfAny(id, others));
		return to;
	}

	private String singleDown(GraphNode node, List<String> down) {
		if (down.size() == 1) {
			return down.get(0);
		}
		Set<String> present = new LinkedHashSet<>(this.heads);
		present.retainAll(down);
		if (present.size() != 1) {
			throw crash(node, "cannot tell which of " + down + " to update (rows " + sorted() + ")");
		}
		return present.iterator().next();
	}

	private void requireOne(List<String> ids, String what) {
		if (ids.size() != 1) {
			throw new RetortException(CoreErrorCode.UNSUPPORTED_OPERATION, this.operation + ": cannot " + what
					+ " from version rows " + sorted() + " (ambiguous rows " + ids + "); stamp with --purge"
					+ " and the exact revisions instead");
		}
	}

	private void insert(String revision, List<VersionRowChange> changes, GraphNode node) {
		if (!this.heads.add(revision)) {
			throw crash(node, "row " + revision + " is already in the version table");
		}
		changes.add(new VersionRowChange.Insert(revision));
	}

	private void delete(String revision, List<VersionRowChange> changes, GraphNode node) {
		if (!this.heads.remove(revision)) {
			throw crash(node, "row " + revision + " is not in the version table");
		}
		changes.add(new VersionRowChange.Delete(revision));
	}

	private void update(String from, String to, List<VersionRowChange> changes, GraphNode node) {
		if (this.heads.contains(to)) {
			throw crash(node, "row " + to + " is already in the version table");
		}
		if (!this.heads.remove(from)) {
			throw crash(node, "row " + from + " is not in the version table");
		}
		this.heads.add(to);
		changes.add(new VersionRowChange.Update(from, to));
	}

	private RetortException crash(GraphNode node, String why) {
		String where = (node != null) ? " at revision " + node.id : "";
		return new RetortException(CoreErrorCode.UNSUPPORTED_OPERATION, this.operation
				+ " cannot be applied to the version table" + where + ": " + why + ". Alembic fails here after"
				+ " committing earlier steps; Retort refuses before running any step. This happens when a merge"
				+ " lists a parent that another parent depends on, or when stamping several overlapping revisions:"
				+ " upgrade one branch at a time or stamp the exact rows with --purge.");
	}
}

/** Answers "is this revision an ancestor of one of these rows?" during one plan. */
@FunctionalInterface
interface AncestorIndex {

	boolean isAncestorOfAny(String id, Collection<String> rows);
}
