package dev.retort.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.retort.Direction;
import dev.retort.Outcome;
import dev.retort.internal.execution.EngineContext;
import dev.retort.internal.execution.HistoryTable;

/**
 * {@code repair}: records the current checksum of every applied revision whose file changed on
 * purpose, as a {@code repair} row in the history table, under the migration lock.
 */
public final class RepairCommand {

	private final EngineContext context;

	public RepairCommand(EngineContext context) {
		this.context = context;
	}

	/** Repairs the checksums; returns the ids repaired. */
	public List<String> run() {
		return this.context.locked((connection, database, tables, rows, lock) -> {
			this.context.requireKnown(rows);
			HistoryTable history = new HistoryTable(database, tables);
			history.create(connection);
			HistoryTable.Recorded read = history.recorded(connection);
			if (read.running()) {
				this.context.interruptions().refuse(connection, database, tables);
			}
			Map<String, String> recorded = read.checksums();
			List<String> repaired = new ArrayList<>();
			connection.setAutoCommit(false);
			for (String id : this.context.graph().applied(rows)) {
				String now = this.context.checksum(id);
				if (now != null && !now.equals(recorded.get(id))) {
					history.insert(connection, new HistoryTable.Entry(id, Direction.REPAIR, now, Instant.now(),
							Duration.ZERO, Outcome.SUCCESS, this.context.settings().actor(), rows, rows,
							(recorded.get(id) != null) ? "checksum was " + recorded.get(id) : "no checksum recorded"));
					repaired.add(id);
				}
			}
			connection.commit();
			return repaired;
		});
	}
}
