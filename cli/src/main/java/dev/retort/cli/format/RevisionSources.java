package dev.retort.cli.format;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A revision's {@code source} as the engine reports it ({@code filesystem:/abs/path.sql},
 * {@code classpath:db/revisions/x.sql}, or a class name) turned into what a user wants to see and
 * what the CLI can open.
 */
public final class RevisionSources {

	private static final String FILESYSTEM = "filesystem:";

	private RevisionSources() {
	}

	/** The file path for a file-system revision, else the source unchanged (Alembic's {@code Path:}). */
	public static String display(String source) {
		return source.startsWith(FILESYSTEM) ? source.substring(FILESYSTEM.length()) : source;
	}

	/** The file of a file-system revision; {@code null} for a class-path resource or a Java class. */
	public static @Nullable Path file(String source) {
		if (source.startsWith(FILESYSTEM)) {
			return Path.of(source.substring(FILESYSTEM.length()));
		}
		if (source.startsWith("/") && source.endsWith(".sql")) {
			return Path.of(source);
		}
		return null;
	}
}
