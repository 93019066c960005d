package dev.retort.cli.format;

import java.util.List;

/**
 * Alembic's step lines, {@code Running upgrade a -> b, message} ({@code MigrationStep.__str__}): the
 * from and to revisions joined by {@code ", "} (empty at base, hence {@code upgrade  -> 1a2b}), and
 * the message when there is one.
 */
public final class StepLines {

	private StepLines() {
	}

	/** {@code Running upgrade <downs> -> <id>, <message>}. */
	public static String upgrade(List<String> downRevisions, String id, String message) {
		return line("upgrade", downRevisions, List.of(id), message);
	}

	/** {@code Running downgrade <id> -> <downs>, <message>}. */
	public static String downgrade(String id, List<String> downRevisions, String message) {
		return line("downgrade", List.of(id), downRevisions, message);
	}

	/** {@code Running stamp_revision <before> -> <after>}. */
	public static String stamp(List<String> before, List<String> after) {
		return line("stamp_revision", before, after, "");
	}

	private static String line(String name, List<String> from, List<String> to, String message) {
		String text = "Running " + name + " " + String.join(", ", from) + " -> " + String.join(", ", to);
		return message.isEmpty() ? text : text + ", " + message;
	}
}
