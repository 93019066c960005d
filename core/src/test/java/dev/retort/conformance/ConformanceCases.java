package dev.retort.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Alembic conformance corpus as it is, from the repository's
 * {@code core/src/test/resources/conformance/alembic} (or the folder named by the system property
 * {@code retort.conformance.dir}). Fails loudly if the folder is missing or holds no case.
 */
public final class ConformanceCases {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ConformanceCases() {
	}

	/** The corpus folder. */
	public static Path directory() {
		String configured = System.getProperty("retort.conformance.dir");
		Path dir = (configured != null) ? Paths.get(configured)
				: Paths.get("src", "test", "resources", "conformance", "alembic");
		dir = dir.toAbsolutePath().normalize();
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("The Alembic conformance corpus is missing: " + dir
					+ " does not exist. It lives in the repository at core/src/test/resources/conformance/alembic"
					+ " (or set -Dretort.conformance.dir to another copy).");
		}
		return dir;
	}

	/** Every case in the corpus, sorted by file name. */
	public static List<ConformanceCase> all() {
		Path dir = directory();
		try (Stream<Path> files = Files.list(dir)) {
			List<ConformanceCase> cases = files.filter((p) -> p.getFileName().toString().endsWith(".json"))
				.sorted()
				.map(ConformanceCases::read)
				.toList();
			if (cases.isEmpty()) {
				throw new IllegalStateException("The Alembic conformance corpus at " + dir + " holds no case");
			}
			return cases;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + dir, ex);
		}
	}

	@SuppressWarnings("unchecked")
	static ConformanceCase read(Path file) {
		Map<String, Object> json = JSON.readValue(file.toFile(), Map.class);
		return new ConformanceCase(file.getFileName().toString(), json);
	}
}
