package dev.retort.cli.generate;

import java.nio.file.Path;
import java.util.List;


/** The Java package a class written to a folder belongs to, for {@code revision --java}. */
public final class JavaPackages {

	private JavaPackages() {
	}

	/**
	 * The package of a class written to {@code folder}, from the part after {@code src/main/java/}
	 * (or {@code src/test/java/}); empty (the default package) when the folder is not under such a root.
	 */
	public static String packageFor(Path folder) {
		String path = folder.toAbsolutePath().normalize().toString().replace('\\', '/') + "/";
		for (String root : List.of("/src/main/java/", "/src/test/java/")) {
			int at = path.indexOf(root);
			if (at >= 0) {
				String rest = path.substring(at + root.length());
				return rest.isEmpty() ? "" : rest.substring(0, rest.length() - 1).replace('/', '.');
			}
		}
		return "";
	}
}
