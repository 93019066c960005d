package dev.retort.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Writes SQL revision files into a folder for tests, in the format DESIGN.md describes.
 */
public final class RevisionFiles {

	private final Path folder;

	private int counter;

	public RevisionFiles(Path folder) {
		this.folder = folder;
	}

	/** A fresh temporary folder. */
	public static RevisionFiles temporary() {
		try {
			return new RevisionFiles(Files.createTempDirectory("retort-revisions"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The {@code filesystem:} location of the folder. */
	public String location() {
		return "filesystem:" + this.folder.toAbsolutePath();
	}

	public Path folder() {
		return this.folder;
	}

	/** Writes a revision; {@code downgrade == null} leaves the downgrade section out (irreversible). */
	public Path write(String id, List<String> revises, String message, String upgrade, @Nullable String downgrade) {
		return write(id, revises, message, upgrade, downgrade, true);
	}

	/** Writes a revision with the given {@code Transactional} header. */
	public Path write(String id, List<String> revises, String message, String upgrade, @Nullable String downgrade,
			boolean transactional) {
		StringBuilder text = new StringBuilder();
		text.append("-- ").append(message).append("\n--\n");
		text.append("-- Revision ID: ").append(id).append('\n');
		text.append("-- Revises: ").append(String.join(", ", revises)).append('\n');
		text.append("-- Create Date: 2026-11-22 10:00:00\n");
		if (!transactional) {
			text.append("-- Transactional: false\n");
		}
		text.append("\n-- +upgrade\n").append(upgrade).append('\n');
		if (downgrade != null) {
			text.append("\n-- +downgrade\n").append(downgrade).append('\n');
		}
		return writeRaw(String.format("%04d_%s.sql", ++this.counter, id), text.toString());
	}

	/** Writes a file as given. */
	public Path writeRaw(String name, String text) {
		try {
			return Files.writeString(this.folder.resolve(name), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deletes the folder. */
	public void delete() {
		try (Stream<Path> paths = Files.walk(this.folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
