package dev.retort;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A revision whose run died part-way through on a database where its statements commit as they go
 * (a history row still {@code running} while no migrator holds the lock). What is known: who started
 * it and when, and the statements that may have committed (those up to the one under way).
 *
 * @param revision the revision id
 * @param direction upgrade or downgrade
 * @param source the revision's file (or class), if the code still has it
 * @param startedAt when the attempt started
 * @param actor who ran it
 * @param host the host it ran on, if recorded
 * @param processId the process id it ran in, if recorded
 * @param statementUnderWay the 1-based index of the statement under way when it died (0: none had
 * started, or a Java revision, whose operations are not tracked one by one)
 * @param statementCount how many statements the revision has (0 for a Java revision)
 * @param mayHaveCommitted the statements that may have committed, in order, each as
 * {@code line N: SQL} (up to and including the one under way)
 * @param invalidIndexes PostgreSQL indexes named by the revision's statements that are INVALID
 * ({@code pg_index.indisvalid = false}), left by an interrupted {@code CREATE INDEX CONCURRENTLY}
 */
public record InterruptedRevision(String revision, Direction direction, @Nullable String source, Instant startedAt,
		String actor, @Nullable String host, @Nullable Long processId, int statementUnderWay, int statementCount,
		List<String> mayHaveCommitted, List<String> invalidIndexes) {

	public InterruptedRevision {
		mayHaveCommitted = List.copyOf(mayHaveCommitted);
		invalidIndexes = List.copyOf(invalidIndexes);
	}

	/** A readable account of what is known and what is not, for messages. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		text.append(capitalize(this.direction.value())).append(" of revision ").append(this.revision);
		if (this.source != null) {
			text.append(" (").append(this.source).append(')');
		}
		text.append(" was interrupted: it started at ").append(this.startedAt).append(" by ").append(this.actor);
		if (this.host != null) {
			text.append(" on ").append(this.host);
		}
		if (this.processId != null) {
			text.append(" (pid ").append(this.processId).append(')');
		}
		text.append(" and never finished; no migrator holds the lock any more.");
		if (this.source == null) {
			text.append(" The code does not have this revision any more: which of its statements committed is not"
					+ " known.");
		}
		else if (this.statementCount == 0) {
			text.append(" Its statements are not tracked one by one (a Java revision): any of its operations"
					+ " may have committed.");
		}
		else if (this.statementUnderWay == 0) {
			text.append(" It died before its first statement started; nothing of it should remain.");
		}
		else {
			text.append(" Statements 1 to ").append(this.statementUnderWay).append(" of ").append(this.statementCount)
				.append(" may have committed (statement ").append(this.statementUnderWay)
				.append(" was under way; whether it completed is not known):");
			for (String statement : this.mayHaveCommitted) {
				text.append("\n    ").append(statement);
			}
		}
		if (!this.invalidIndexes.isEmpty()) {
			text.append("\n  INVALID index(es) left behind: ").append(String.join(", ", this.invalidIndexes))
				.append(" (drop them before a retry)");
		}
		return text.toString();
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
