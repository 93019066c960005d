package dev.retort.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import dev.retort.LocationScanner.Found;

/**
 * A revision folder inside a jar, listed and read through one {@link JarFile}: the one the jar's URL
 * handler keeps for the class loader (Spring Boot's for {@code jar:nested:} URLs, the JDK's for
 * {@code jar:file:}), asked for with caching on and never closed here. Each file is then one entry lookup
 * and one read, where a fresh {@code JarURLConnection} per file (what a Spring {@code UrlResource} opens)
 * opens the nested jar again each time. Should that shared jar be closed under us (its class loader
 * closed), a file is read through its own URL instead.
 */
final class JarFolder {

	private JarFolder() {
	}

	/**
	 * Adds the files below {@code root} (a {@code jar:} URL of a folder) to {@code found}, hidden ones left out.
	 * @param sourcePrefix what users see before each relative path, e.g. {@code classpath:db/revisions/}
	 * @return {@code false} if {@code root} is not a jar connection (the caller lists it another way)
	 */
	static boolean list(URL root, String sourcePrefix, List<Found> found) throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jar)) {
			return false;
		}
		// The handler's shared JarFile: not ours to close.
		jar.setUseCaches(true);
		JarFile file = jar.getJarFile();
		String entryName = jar.getEntryName();
		String prefix = (entryName == null) ? "" : SpringLocationScanner.withSlash(entryName);
		for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements();) {
			JarEntry entry = entries.nextElement();
			String name = entry.getName();
			if (entry.isDirectory() || !name.startsWith(prefix) || name.length() == prefix.length()) {
				continue;
			}
			String relative = name.substring(prefix.length());
			if (SpringLocationScanner.isHidden(relative)) {
				continue;
			}
			found.add(new Found(relative, sourcePrefix + relative, () -> open(file, name, root, relative)));
		}
		return true;
	}

	private static InputStream open(JarFile file, String name, URL root, String relative) throws IOException {
		try {
			JarEntry entry = file.getJarEntry(name);
			if (entry != null) {
				return file.getInputStream(entry);
			}
		}
		catch (IllegalStateException closed) {
			// The shared jar was closed: read through the file's own URL below.
		}
		URLConnection connection = new URL(root, relative.replace("#", "%23")).openConnection();
		connection.setUseCaches(false);
		return connection.getInputStream();
	}
}
