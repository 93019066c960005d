package dev.retort.cli.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.cli.CliErrorCode;

/**
 * Parses a class path given to the CLI ({@code --classpath}, {@code RETORT_CLASSPATH},
 * {@code classpath=}): entries separated by the platform's path separator ({@code :}, {@code ;} on
 * Windows), each a jar or a class folder, or {@code DIR/*} for every jar in a folder (as
 * {@code java -cp} reads it). A missing entry is an error rather than silently nothing, because a
 * Java revision not found there would make the graph look different (a head less, a silent fork).
 */
final class ClassPathEntries {

	private ClassPathEntries() {
	}

	/**
	 * The entries of {@code value}, absolute, relative ones resolved against {@code base}.
	 * @param origin where the value came from, for messages
	 */
	static List<Path> resolve(String value, Path base, String origin) {
		List<Path> entries = new ArrayList<>();
		for (String part : value.split(File.pathSeparator)) {
			String entry = part.strip();
			if (entry.isEmpty()) {
				continue;
			}
			if (entry.equals("*") || entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
				entries.addAll(jarsIn(base.resolve(entry.substring(0, entry.length() - 1)).normalize(), origin));
				continue;
			}
			Path path = base.resolve(entry).normalize();
			if (!Files.exists(path)) {
				throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION,
						"Class path entry " + path + " (from " + origin + ") does not exist");
			}
			entries.add(path);
		}
		return entries;
	}

	private static List<Path> jarsIn(Path folder, String origin) {
		if (!Files.isDirectory(folder)) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION,
					"Class path folder " + folder + " (from " + origin + ") does not exist");
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new RetortException(CliErrorCode.IO_ERROR, "Cannot list class path folder " + folder + ": " + ex, ex);
		}
	}
}
