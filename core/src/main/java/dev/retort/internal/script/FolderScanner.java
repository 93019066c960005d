package dev.retort.internal.script;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * Lists the files under a folder, on the file system or on a class loader's class path (folders
 * and jars, including Spring Boot's nested jars). Hidden files and folders (name starting with
 * {@code .}, such as the {@code ..data} links of a Kubernetes ConfigMap volume) are skipped.
 * Results are sorted by relative path; the same relative path found in several class path roots
 * is kept once per root, in the class loader's order.
 */
final class FolderScanner {

	/** A file found: its path relative to the folder (with {@code /}) and how to read it. */
	record Found(String relativePath, Opener opener) {
	}

	/** Opens a found file. */
	@FunctionalInterface
	interface Opener {

		InputStream open() throws IOException;
	}

	private FolderScanner() {
	}

	/**
	 * Files under {@code dir}, recursively.
	 * @throws RetortException {@link CoreErrorCode#LOCATION_NOT_FOUND} if it is not a readable folder
	 */
	static List<Found> filesystem(Path dir, String location) {
		if (!Files.isDirectory(dir)) {
			throw new RetortException(CoreErrorCode.LOCATION_NOT_FOUND, "Revision location " + location + " ("
					+ dir + ") " + (Files.exists(dir) ? "is not a folder" : "does not exist"));
		}
		List<Found> found = new ArrayList<>();
		walk(dir, found);
		found.sort(Comparator.comparing(Found::relativePath));
		return found;
	}

	/**
	 * Files under class path folder {@code path} (no leading or trailing slash) in every root of
	 * {@code classLoader}; empty if no root has it.
	 */
	static List<Found> classpath(ClassLoader classLoader, String path, String location) {
		Set<String> seen = new LinkedHashSet<>();
		List<Found> found = new ArrayList<>();
		try {
			Enumeration<URL> roots = classLoader.getResources(path);
			while (roots.hasMoreElements()) {
				URL root = roots.nextElement();
				if (seen.add(root.toExternalForm())) {
					found.addAll(listRoot(root, location));
				}
			}
		}
		catch (IOException ex) {
			throw new RetortException(CoreErrorCode.LOCATION_NOT_FOUND,
					"Cannot list revision location " + location + ": " + ex.getMessage(), ex);
		}
		found.sort(Comparator.comparing(Found::relativePath));
		return found;
	}

	private static List<Found> listRoot(URL root, String location) throws IOException {
		String protocol = root.getProtocol();
		if (protocol.equals("file")) {
			Path dir;
			try {
				dir = Path.of(root.toURI());
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				throw new RetortException(CoreErrorCode.LOCATION_NOT_FOUND,
						"Cannot list revision location " + location + " at " + root + ": " + ex.getMessage(), ex);
			}
			List<Found> found = new ArrayList<>();
			if (Files.isDirectory(dir)) {
				walk(dir, found);
			}
			return found;
		}
		URLConnection connection = root.openConnection();
		if (connection instanceof JarURLConnection jarConnection) {
			return listJar(root, jarConnection);
		}
		throw new RetortException(CoreErrorCode.LOCATION_NOT_FOUND, "Cannot list revision location " + location
				+ ": it resolved to " + root + ", and Retort can list only 'file:' folders and 'jar:' archives, not '"
				+ protocol + ":' URLs; use a filesystem: location or package the revisions in a jar");
	}

	private static List<Found> listJar(URL root, JarURLConnection connection) throws IOException {
		String entryName = connection.getEntryName();
		String prefix = (entryName == null || entryName.isEmpty()) ? ""
				: (entryName.endsWith("/") ? entryName : entryName + "/");
		List<Found> found = new ArrayList<>();
		JarFile jar = connection.getJarFile();
		try {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				String name = entry.getName();
				if (entry.isDirectory() || !name.startsWith(prefix)) {
					continue;
				}
				String relative = name.substring(prefix.length());
				if (!isHidden(relative)) {
					found.add(new Found(relative, () -> readJarEntry(root, name)));
				}
			}
		}
		finally {
			if (!connection.getUseCaches()) {
				jar.close();
			}
		}
		return found;
	}

	/** Reads one entry through a fresh connection (cheap: the JDK and Spring Boot cache open jars). */
	private static InputStream readJarEntry(URL root, String name) throws IOException {
		JarURLConnection connection = (JarURLConnection) root.openConnection();
		JarFile jar = connection.getJarFile();
		try {
			JarEntry entry = jar.getJarEntry(name);
			if (entry == null) {
				throw new IOException("entry " + name + " no longer exists in " + jar.getName());
			}
			try (InputStream in = jar.getInputStream(entry)) {
				return new ByteArrayInputStream(in.readAllBytes());
			}
		}
		finally {
			if (!connection.getUseCaches()) {
				jar.close();
			}
		}
	}

	private static void walk(Path dir, List<Found> found) {
		try {
			walk(dir.toFile(), "", new HashSet<>(), found);
		}
		catch (IOException ex) {
			throw new RetortException(CoreErrorCode.LOCATION_NOT_FOUND, "Cannot list " + dir + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Lists {@code folder} recursively, following symbolic links. java.io.File rather than a
	 * Files.walk stream or a FileTreeWalker: this runs for every revision file at every application
	 * start, before the JIT has compiled anything, where one native stat per entry and plain string
	 * paths cost a fraction of the NIO path and attribute objects.
	 * @param visiting the real paths of the folders being listed, to stop at a symbolic link loop
	 */
	private static void walk(File folder, String prefix, Set<Path> visiting, List<Found> found) throws IOException {
		Path real = folder.toPath().toRealPath();
		if (!visiting.add(real)) {
			throw new IOException("symbolic link loop at " + folder);
		}
		String[] names = folder.list();
		if (names == null) {
			throw new IOException("cannot read folder " + folder);
		}
		for (String name : names) {
			if (name.startsWith(".")) {
				continue;
			}
			File file = new File(folder, name);
			if (file.isFile()) {
				// FileInputStream reads straight into the caller's array; Files.newInputStream goes
				// through a channel and a temporary direct buffer, per file.
				found.add(new Found(prefix + name, () -> new FileInputStream(file)));
			}
			else if (file.isDirectory()) {
				walk(file, prefix + name + "/", visiting, found);
			}
		}
		visiting.remove(real);
	}

	private static boolean isHidden(String relativePath) {
		for (String segment : relativePath.split("/")) {
			if (segment.startsWith(".")) {
				return true;
			}
		}
		return false;
	}
}
