package dev.retort.internal.database.sqlite;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.retort.internal.database.ScratchHost;

/**
 * SQLite's scratch databases: files {@code retort_scratch_<epoch>_<random>.db} in the temporary
 * directory ({@code java.io.tmpdir}), deleted with their journal files when dropped. A killed run's
 * files are listed, so the next run deletes them once they are old enough.
 */
final class SqliteScratchHost implements ScratchHost {

	private static final List<String> SUFFIXES = List.of(".db", ".db-journal", ".db-wal", ".db-shm");

	private final Path directory;

	SqliteScratchHost(Path directory) {
		this.directory = directory;
	}

	@Override
	public String urlOf(String name) {
		return "jdbc:sqlite:" + this.directory.resolve(name + ".db");
	}

	@Override
	public void create(String name, Connector connector) throws SQLException {
		connector.connect(urlOf(name)).close();
	}

	@Override
	public void drop(String name, Connector connector) throws SQLException {
		try {
			for (String suffix : SUFFIXES) {
				Files.deleteIfExists(this.directory.resolve(name + suffix));
			}
		}
		catch (IOException ex) {
			throw new SQLException("Cannot delete " + this.directory.resolve(name + ".db") + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public List<String> list(Connector connector) throws SQLException {
		List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, PREFIX + "*.db")) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				names.add(name.substring(0, name.length() - ".db".length()));
			}
		}
		catch (IOException ex) {
			throw new SQLException("Cannot list " + this.directory + ": " + ex.getMessage(), ex);
		}
		names.sort(null);
		return names;
	}

	@Override
	public String serverUrl() {
		return "jdbc:sqlite:" + this.directory;
	}

	@Override
	public String createAdvice() {
		return "write access to " + this.directory;
	}
}
