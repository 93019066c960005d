package dev.retort.cli.command;

import java.util.List;
import java.util.Set;

import dev.retort.CoreErrorCode;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;
import dev.retort.cli.format.AlembicFormat;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retort history [-r a:b] [-v] [-i]}: revisions newest first, one Alembic line each
 * ({@code <base> -> 1a2b (head), message}). {@code current} may stand for an end of the range, as in
 * Alembic ({@code -r current:}).
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List revisions in chronological order "
		+ "(newest first).")
public final class HistoryCommand extends Verb {

	@Option(names = { "-r", "--rev-range" }, paramLabel = "[START]:[END]",
			description = "Range of revisions, e.g. base:head, ae10:, :current.")
	@Nullable String range;

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's current revisions "
			+ "(needs a database).")
	boolean indicateCurrent;

	@Override
	protected void run() {
		boolean needsDatabase = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		Retort retort = needsDatabase ? this.root.database(MigrationListener.NONE) : this.root.graph();
		Set<String> current = needsDatabase ? Set.copyOf(retort.current()) : Set.of();
		AlembicFormat format = this.root.format(retort);
		List<RevisionInfo> revisions = retort.history(rangeWithCurrent(this.range, current));
		for (RevisionInfo revision : revisions) {
			boolean isCurrent = this.indicateCurrent && current.contains(revision.id());
			out().println(this.verbose ? format.logEntry(revision, isCurrent) : format.historyLine(revision, isCurrent));
		}
	}

	/** Replaces {@code current} at either end of the range by the database's single current revision. */
	static @Nullable String rangeWithCurrent(@Nullable String range, Set<String> current) {
		if (range == null || !range.contains(":")) {
			return range;
		}
		int colon = range.indexOf(':');
		String start = range.substring(0, colon).strip();
		String end = range.substring(colon + 1).strip();
		return replaceCurrent(start, current, "base") + ":" + replaceCurrent(end, current, "heads");
	}

	private static String replaceCurrent(String end, Set<String> current, String whenEmpty) {
		if (!"current".equals(end)) {
			return end;
		}
		if (current.isEmpty()) {
			return "base";
		}
		if (current.size() == 1) {
			return current.iterator().next();
		}
		throw new RetortException(CoreErrorCode.MULTIPLE_HEADS, "The database has several "
				+ "current revisions " + current + "; 'current' in a history range needs exactly one");
	}
}
