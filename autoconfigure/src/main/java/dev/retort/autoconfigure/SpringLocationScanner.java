package dev.retort.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.retort.LocationScanner;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Lists {@code classpath:} revision locations with Spring's resource resolver, so revisions are found
 * wherever Spring finds resources: Boot's executable jars ({@code jar:nested:}), JBoss VFS
 * ({@code vfs:}), GraalVM native images ({@code resource:}), plain folders and jars. Other locations
 * ({@code filesystem:}) are left to the engine.
 */
final class SpringLocationScanner implements LocationScanner {

	private static final String CLASSPATH = "classpath:";

	private final ResourcePatternResolver resolver;

	SpringLocationScanner(ResourcePatternResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public @Nullable List<Found> scan(String location) throws IOException {
		String path;
		if (location.startsWith(CLASSPATH)) {
			path = location.substring(CLASSPATH.length());
		}
		else if (!location.contains(":")) {
			path = location;
		}
		else {
			return null;
		}
		path = trimSlashes(path);
		if (path.isEmpty() || path.contains("*") || path.contains("?")) {
			// Not a folder: the engine's own listing reports it with its usual error.
			return null;
		}
		// Folders inside jars (an executable jar's BOOT-INF/classes, a library jar) are listed and read through
		// one JarFile each. Through Spring's resources every file would cost two fresh jar connections (to test
		// it is readable, then to read it): each opens the nested jar again, as Spring turns caching off for
		// jar connections; at 1,000 revisions that was a quarter of a second of every start.
		Resource[] roots = this.resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + path + "/");
		List<List<Found>> perRoot = new ArrayList<>();
		List<String> jarRoots = new ArrayList<>();
		List<@Nullable String> otherRoots = new ArrayList<>();
		for (Resource root : roots) {
			URL url = root.getURL();
			List<Found> mine = new ArrayList<>();
			perRoot.add(mine);
			if (url.getProtocol().equals("jar") && JarFolder.list(url, CLASSPATH + path + "/", mine)) {
				jarRoots.add(withSlash(url.toString()));
				otherRoots.add(null);
			}
			else {
				otherRoots.add(withSlash(url.toString()));
			}
		}
		List<Found> unplaced = new ArrayList<>();
		if (otherRoots.stream().anyMatch((root) -> root != null)) {
			listWithResolver(path, jarRoots, otherRoots, perRoot, unplaced);
		}
		List<Found> found = new ArrayList<>();
		perRoot.forEach(found::addAll);
		found.addAll(unplaced);
		// Stable: the same relative path in several class path roots stays in the class path's order.
		found.sort(Comparator.comparing(Found::relativePath));
		return found;
	}

	/**
	 * Folders, and whatever Spring resolves that is not a jar ({@code file:}, {@code vfs:}, {@code resource:}),
	 * each file placed with the root it is under.
	 */
	private void listWithResolver(String path, List<String> jarRoots, List<@Nullable String> otherRoots,
			List<List<Found>> perRoot, List<Found> unplaced) throws IOException {
		String folder = "/" + path + "/";
		for (Resource resource : this.resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + path
				+ "/**/*")) {
			String url = resource.getURL().toString();
			if (startsWithAny(url, jarRoots) || !resource.isReadable()) {
				continue; // listed above, or a folder
			}
			int at = url.lastIndexOf(folder);
			if (at < 0) {
				continue;
			}
			String relative = url.substring(at + folder.length());
			if (isHidden(relative)) {
				continue;
			}
			Found file = new Found(relative, CLASSPATH + path + "/" + relative, resource::getInputStream);
			List<Found> place = unplaced;
			for (int root = 0; root < otherRoots.size(); root++) {
				String rootUrl = otherRoots.get(root);
				if (rootUrl != null && url.startsWith(rootUrl)) {
					place = perRoot.get(root);
					break;
				}
			}
			place.add(file);
		}
	}

	private static boolean startsWithAny(String url, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (url.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	static String withSlash(String url) {
		return url.endsWith("/") ? url : url + "/";
	}

	private static String trimSlashes(String path) {
		String trimmed = path.strip();
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	static boolean isHidden(String relative) {
		for (String segment : relative.split("/")) {
			if (segment.startsWith(".") || segment.toLowerCase(Locale.ROOT).equals("__macosx")) {
				return true;
			}
		}
		return false;
	}

}
