package dev.retort.autoconfigure;

import java.io.IOException;
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
		String folder = "/" + path + "/";
		List<Found> found = new ArrayList<>();
		for (Resource resource : this.resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + path
				+ "/**/*")) {
			if (!resource.isReadable()) {
				continue; // a folder
			}
			String url = resource.getURL().toString();
			int at = url.lastIndexOf(folder);
			if (at < 0) {
				continue;
			}
			String relative = url.substring(at + folder.length());
			if (isHidden(relative)) {
				continue;
			}
			found.add(new Found(relative, CLASSPATH + path + "/" + relative, resource::getInputStream));
		}
		// Stable: the same relative path in several class path roots stays in the resolver's order.
		found.sort(Comparator.comparing(Found::relativePath));
		return found;
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

	private static boolean isHidden(String relative) {
		for (String segment : relative.split("/")) {
			if (segment.startsWith(".") || segment.toLowerCase(Locale.ROOT).equals("__macosx")) {
				return true;
			}
		}
		return false;
	}

}
