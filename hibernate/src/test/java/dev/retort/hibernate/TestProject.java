package dev.retort.hibernate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.retort.hibernate.sample.SampleApplication;

/** The test project: its class folder, and class folders holding a chosen subset of its classes. */
final class TestProject {

	private TestProject() {
	}

	/** The folder the test classes were compiled to (holds two application classes). */
	static Path testClasses() {
		try {
			return Path.of(SampleApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A class folder under {@code dir} holding copies of the given classes' files only. */
	static Path rootWith(Path dir, Class<?>... classes) {
		try {
			for (Class<?> type : classes) {
				String file = type.getName().replace('.', '/') + ".class";
				Path target = dir.resolve(file);
				Files.createDirectories(target.getParent());
				Files.copy(testClasses().resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The sample project's model, found from its application class as a build plugin would. */
	static JpaModel.Builder sample(Path dir) {
		return JpaModel.builder()
			.classLoader(TestProject.class.getClassLoader())
			.classPathRoots(java.util.List.of(rootWith(dir, SampleApplication.class)));
	}

}
