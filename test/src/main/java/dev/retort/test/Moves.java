package dev.retort.test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

import dev.retort.Direction;
import dev.retort.MigrationPlan;
import dev.retort.MigrationResult;
import dev.retort.MigrationStep;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;
import dev.retort.SchemaState;

/**
 * The database moves the checks share: back to an empty base, and one revision down exactly. Only
 * Retort's public API.
 */
final class Moves {

	private Moves() {
	}

	/**
	 * Brings the database to base and proves it empty. A database at some revision is downgraded to
	 * base first; one that still holds objects afterwards (tables no revision made, or a database that
	 * Retort does not manage) is refused, since comparing schemas on it would prove nothing.
	 */
	static SchemaState toEmptyBase(Retort retort, String check) {
		List<String> current = retort.current();
		if (!current.isEmpty()) {
			try {
				retort.downgrade("base");
			}
			catch (RetortException ex) {
				throw new AssertionFailedError(check + " needs the database at base: it is at " + current
						+ " and downgrading it to base failed: " + ex.getMessage()
						+ " Run the checks on a database of their own.", ex);
			}
		}
		SchemaState state = retort.schemaState();
		if (!state.isEmpty()) {
			throw new AssertionFailedError(check + " needs an empty database, but this one holds objects that no"
					+ " revision accounts for" + (current.isEmpty() ? " (it has no Retort revision applied)" : "")
					+ ":\n" + state.describe()
					+ "Run the checks on a database of their own (an empty throwaway test database).");
		}
		return state;
	}

	/**
	 * The target that downgrades exactly {@code revision} from where the database stands, or
	 * {@code null} if none does: {@code -1} on a single head, else the revision's own or its branch's
	 * relative form, else (for a merge) one of its parents. Each candidate is planned first, so nothing runs until one is right.
	 */
	static @Nullable String oneDown(Retort retort, RevisionInfo revision, List<String> heads) {
		List<String> candidates = new ArrayList<>();
		if (heads.size() == 1) {
			candidates.add("-1");
		}
		candidates.add(revision.id() + "@-1");
		for (String label : revision.branchLabels()) {
			candidates.add(label + "@-1");
		}
		// A merge: "-1" is an ambiguous walk there, but downgrading to one parent reverts only the merge.
		candidates.addAll(revision.downRevisions());
		for (String candidate : candidates) {
			try {
				MigrationPlan plan = retort.planDowngrade(candidate);
				List<String> ran = new ArrayList<>();
				for (MigrationStep step : plan.steps()) {
					ran.add(step.direction() + " " + step.revision());
				}
				if (ran.equals(List.of(Direction.DOWNGRADE + " " + revision.id()))) {
					return candidate;
				}
			}
			catch (RetortException ex) {
				// Not a form that resolves here: try the next.
			}
		}
		return null;
	}

	/** The ids a run applied or reverted, in order. */
	static List<String> ran(MigrationResult result) {
		return result.steps().stream().map(step -> step.direction() + " " + step.revision()).toList();
	}

	/** "id (message, source)" for messages. */
	static String name(RevisionInfo revision) {
		return revision.id() + " (" + revision.message() + ", " + revision.source() + ")";
	}

	/** Lines as an indented bullet list. */
	static String bullets(List<String> lines) {
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			text.append("\n  - ").append(line);
		}
		return text.toString();
	}

	/** The DataSource data checks need, or a failure saying how to give it. */
	static DataSource dataSource(@Nullable DataSource dataSource) {
		if (dataSource == null) {
			throw new AssertionFailedError("Data checks need the database's DataSource: use"
					+ " RetortChecks.forRetort(retort, dataSource)");
		}
		return dataSource;
	}

	/** Runs a data check's work on its own autocommit connection; any failure becomes {@code failure}. */
	static void work(DataSource source, ConnectionWork work, String failure) {
		try (Connection connection = source.getConnection()) {
			connection.setAutoCommit(true);
			work.run(connection);
		}
		catch (AssertionError ex) {
			throw new AssertionFailedError(failure + ": " + ex.getMessage(), ex);
		}
		catch (Exception ex) {
			throw new AssertionFailedError(failure + ": " + ex, ex);
		}
	}
}
