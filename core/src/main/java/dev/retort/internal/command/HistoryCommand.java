package dev.retort.internal.command;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.AppliedStep;
import dev.retort.RevisionInfo;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.HistoryTable;

/**
 * {@code heads}, {@code branches}, {@code history} and {@code show} from the revision graph alone,
 * and the history table's rows.
 */
public final class HistoryCommand {

	private final EngineContext context;

	public HistoryCommand(EngineContext context) {
		this.context = context;
	}

	/** The code's heads. */
	public List<RevisionInfo> heads() {
		return this.context.infos(this.context.graph().heads());
	}

	/** The branch points. */
	public List<RevisionInfo> branches() {
		return this.context.infos(this.context.graph().branchPoints());
	}

	/** The revisions in a range ({@code null}: all), newest first. */
	public List<RevisionInfo> history(@Nullable String range) {
		return this.context.infos(this.context.graph().history(range));
	}

	/** One revision. */
	public RevisionInfo revision(String identifier) {
		return this.context.revision(identifier);
	}

	/** The newest {@code limit} rows of the history table, newest first. */
	public List<AppliedStep> applied(int limit) {
		return this.context.withConnection((connection, database) -> new HistoryTable(database,
				this.context.tables(database))
			.newest(connection, limit));
	}
}
