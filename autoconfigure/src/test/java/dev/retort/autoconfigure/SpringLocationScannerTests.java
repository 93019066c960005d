package dev.retort.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.LocationScanner;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Classpath locations listed with Spring's resource resolver, as the engine lists them itself. */
class SpringLocationScannerTests {

	private final SpringLocationScanner scanner = new SpringLocationScanner(new PathMatchingResourcePatternResolver());

	@Test
	void classpathLocationIsListedWithSourcesAndRelativePathsInOrder() throws IOException {
		List<LocationScanner.Found> found = this.scanner.scan("classpath:/db/actuator/");
		assertThat(found).extracting(LocationScanner.Found::relativePath)
			.containsExactly("aa00000000a1_create_widgets.sql", "bb00000000b2_add_widget_colour.sql",
					"cc00000000c3_index_widget_colour.sql");
		assertThat(found.get(0).source()).isEqualTo("classpath:db/actuator/aa00000000a1_create_widgets.sql");
		try (var in = found.get(0).opener().open()) {
			assertThat(new String(in.readAllBytes())).contains("Revision ID: aa00000000a1");
		}
	}

	@Test
	void unprefixedLocationIsAClasspathLocation() throws IOException {
		assertThat(this.scanner.scan("db/branched")).hasSize(3);
	}

	@Test
	void missingLocationIsEmptyAndOtherKindsAreLeftToTheEngine() throws IOException {
		assertThat(this.scanner.scan("classpath:db/nothing-here")).isEmpty();
		assertThat(this.scanner.scan("filesystem:/tmp")).isNull();
	}

	@Test
	void folderInAJarIsListedAndReadThroughTheJar(@TempDir Path dir) throws IOException {
		Path jar = dir.resolve("revisions.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String name : List.of("db/", "db/jarred/", "db/jarred/b_second.sql", "db/jarred/a_first.sql",
					"db/jarred/sub/", "db/jarred/sub/c_third.sql", "db/jarred/.hidden.sql", "db/jarred/.git/x.sql",
					"db/other/z.sql")) {
				out.putNextEntry(new JarEntry(name));
				if (!name.endsWith("/")) {
					out.write(("-- " + name).getBytes(StandardCharsets.UTF_8));
				}
				out.closeEntry();
			}
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			SpringLocationScanner jarScanner = new SpringLocationScanner(new PathMatchingResourcePatternResolver(loader));
			List<LocationScanner.Found> found = jarScanner.scan("classpath:db/jarred");
			assertThat(found).extracting(LocationScanner.Found::relativePath)
				.containsExactly("a_first.sql", "b_second.sql", "sub/c_third.sql");
			assertThat(found).extracting(LocationScanner.Found::source)
				.containsExactly("classpath:db/jarred/a_first.sql", "classpath:db/jarred/b_second.sql",
						"classpath:db/jarred/sub/c_third.sql");
			for (LocationScanner.Found file : found) {
				// Each open is a fresh stream, as often as asked.
				for (int i = 0; i < 2; i++) {
					try (InputStream in = file.opener().open()) {
						assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
							.isEqualTo("-- db/jarred/" + file.relativePath());
					}
				}
			}
		}
	}

	@Test
	void sameRelativePathInAFolderAndAJarKeepsTheClassPathOrder(@TempDir Path dir) throws IOException {
		Path folder = dir.resolve("classes");
		Files.createDirectories(folder.resolve("db/mixed"));
		Files.writeString(folder.resolve("db/mixed/a.sql"), "-- folder");
		Path jar = dir.resolve("lib.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String name : List.of("db/", "db/mixed/", "db/mixed/a.sql")) {
				out.putNextEntry(new JarEntry(name));
				if (!name.endsWith("/")) {
					out.write("-- jar".getBytes(StandardCharsets.UTF_8));
				}
				out.closeEntry();
			}
		}
		for (boolean folderFirst : List.of(true, false)) {
			URL[] urls = folderFirst ? new URL[] { folder.toUri().toURL(), jar.toUri().toURL() }
					: new URL[] { jar.toUri().toURL(), folder.toUri().toURL() };
			try (URLClassLoader loader = new URLClassLoader(urls, null)) {
				List<LocationScanner.Found> found = new SpringLocationScanner(
						new PathMatchingResourcePatternResolver(loader))
					.scan("db/mixed");
				assertThat(found).hasSize(2);
				assertThat(contents(found)).containsExactly(folderFirst ? "-- folder" : "-- jar",
						folderFirst ? "-- jar" : "-- folder");
			}
		}
	}

	private static List<String> contents(List<LocationScanner.Found> found) throws IOException {
		List<String> contents = new java.util.ArrayList<>();
		for (LocationScanner.Found file : found) {
			try (InputStream in = file.opener().open()) {
				contents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return contents;
	}

}
