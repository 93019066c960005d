package dev.retort.cli.command;

import java.io.PrintWriter;
import java.util.List;

import dev.retort.Direction;
import dev.retort.MigrationListener;
import dev.retort.RevisionInfo;
import dev.retort.cli.format.RevisionIndex;
import dev.retort.cli.format.StepLines;
import org.jspecify.annotations.Nullable;

/**
 * Prints Alembic's {@code Running upgrade a -> b, message} line as each step starts, so a long run
 * shows where it is. The index is set once the engine has loaded the graph.
 */
final class StepPrinter implements MigrationListener {

	private final PrintWriter out;

	private @Nullable RevisionIndex index;

	StepPrinter(PrintWriter out) {
		this.out = out;
	}

	void index(RevisionIndex index) {
		this.index = index;
	}

	@Override
	public void beforeStep(StepEvent step) {
		if (step.direction() == Direction.STAMP) {
			return;
		}
		RevisionInfo revision = (this.index != null) ? this.index.find(step.revision()) : null;
		List<String> downs = (revision != null) ? revision.downRevisions() : List.of();
		String line = (step.direction() == Direction.DOWNGRADE)
				? StepLines.downgrade(step.revision(), downs, step.message())
				: StepLines.upgrade(downs, step.revision(), step.message());
		this.out.println(line);
		this.out.flush();
	}
}
