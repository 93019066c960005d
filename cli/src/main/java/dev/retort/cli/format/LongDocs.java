package dev.retort.cli.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.retort.RevisionInfo;

/**
 * A revision's long description for verbose output, as Alembic shows a script's docstring: for a
 * SQL file, its leading comment block (message, blank line, {@code Revision ID:}, {@code Revises:},
 * {@code Create Date:} ...) with the comment markers removed; for anything else (a Java revision, an
 * unreadable file), the same lines built from what the graph knows.
 */
public final class LongDocs {

	private LongDocs() {
	}

	/** The long description of {@code revision}. */
	public static String of(RevisionInfo revision) {
		Path path = RevisionSources.file(revision.source());
		if (path != null && path.toString().endsWith(".sql")) {
			try {
				if (Files.isRegularFile(path)) {
					String header = fromSqlHeader(Files.readAllLines(path, StandardCharsets.UTF_8));
					if (!header.isBlank()) {
						return header;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// fall back to the graph's view below: verbose output must not fail on a read
			}
		}
		return synthesized(revision);
	}

	/** The leading {@code --} comment block of a SQL revision, markers removed. */
	static String fromSqlHeader(List<String> lines) {
		List<String> header = new ArrayList<>();
		for (String line : lines) {
			String trimmed = line.strip();
			if (!trimmed.startsWith("--") || trimmed.startsWith("-- +")) {
				break;
			}
			String text = trimmed.substring(2);
			header.add(text.startsWith(" ") ? text.substring(1) : text);
		}
		return String.join("\n", header).strip();
	}

	/** Message, blank line, {@code Revision ID:} and {@code Revises:}. */
	static String synthesized(RevisionInfo revision) {
		StringBuilder doc = new StringBuilder(revision.message()).append("\n\n");
		doc.append("Revision ID: ").append(revision.id()).append('\n');
		doc.append("Revises: ").append(String.join(", ", revision.downRevisions()));
		return doc.toString();
	}
}
