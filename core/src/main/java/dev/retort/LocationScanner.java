package dev.retort;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Lists the files of a revision location for the engine, where the engine's own listing (class
 * path folders and jars, file system folders) does not reach: an integration hands the engine its
 * framework's resolver (Spring's resolves {@code jar:nested:}, {@code vfs:} and native-image
 * {@code resource:} URLs). Set with {@link RetortConfiguration#locationScanner(LocationScanner)}.
 */
@FunctionalInterface
public interface LocationScanner {

	/**
	 * The files under a location, recursively, sorted by relative path; hidden files and folders
	 * (name starting with {@code .}) left out. Only files ending in {@code .sql} are read as revisions.
	 * @param location the location as configured, e.g. {@code classpath:db/revisions}
	 * @return the files, or {@code null} to let the engine list the location itself
	 * @throws IOException if the location cannot be listed
	 */
	@Nullable List<Found> scan(String location) throws IOException;

	/**
	 * A file found.
	 *
	 * @param relativePath its path below the location, with {@code /}
	 * @param source how users see it in messages, e.g. {@code classpath:db/revisions/x.sql}
	 * @param opener reads it
	 */
	record Found(String relativePath, String source, Opener opener) {
	}

	/** Opens a found file, each time its content is needed. */
	@FunctionalInterface
	interface Opener {

		/**
		 * A fresh stream over the file's bytes.
		 * @return the stream
		 * @throws IOException if it cannot be read
		 */
		InputStream open() throws IOException;

	}

}
