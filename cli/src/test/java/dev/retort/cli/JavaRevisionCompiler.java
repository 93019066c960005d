package dev.retort.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.retort.Migration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles Java revisions for the tests with the JDK's compiler, against retort-core only, into a
 * class folder the CLI then reads through {@code --classpath}: the classes are not on the test's own
 * class path, so finding them proves the CLI's class loader does.
 */
final class JavaRevisionCompiler {

	private JavaRevisionCompiler() {
	}

	/** A Java revision needing a Spring-style constructor argument, as source. */
	static String needsDataSource(String packageName, String id, String revises) {
		return "package " + packageName + ";\n\n"
				+ "import javax.sql.DataSource;\n"
				+ "import dev.retort.Migration;\nimport dev.retort.Operations;\nimport dev.retort.Revision;\n\n"
				+ "@Revision(id = \"" + id + "\", revises = \"" + revises + "\", message = \"needs a bean\")\n"
				+ "public class NeedsDataSource implements Migration {\n"
				+ "\tprivate final DataSource dataSource;\n"
				+ "\tpublic NeedsDataSource(DataSource dataSource) { this.dataSource = dataSource; }\n"
				+ "\t@Override public void upgrade(Operations op) { }\n"
				+ "\t@Override public void downgrade(Operations op) { }\n"
				+ "}\n";
	}

	/** Writes {@code source} as {@code sources/<package path>/<class>.java} and compiles it. */
	static Path compileSource(Path sources, Path classes, String packageName, String className, String source)
			throws IOException {
		Path file = sources.resolve(packageName.replace('.', '/')).resolve(className + ".java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
		compile(classes, file);
		return classes;
	}

	/** Compiles the given source files into {@code classes} (created if missing). */
	static void compile(Path classes, Path... files) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("the JDK's compiler (tests run on a JDK)").isNotNull();
		Files.createDirectories(classes);
		List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", coreClasses().toString(),
				"-proc:none", "-nowarn"));
		for (Path file : files) {
			args.add(file.toString());
		}
		ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
		int status = compiler.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
		assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
	}

	/** Packs the class folder {@code classes} into the jar {@code jar}. */
	static void jar(Path classes, Path jar) throws IOException {
		try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
				java.util.stream.Stream<Path> files = Files.walk(classes)) {
			// folders get entries too, as jar tools write them (class path scanning lists a package by its folder)
			for (Path file : files.filter((path) -> !path.equals(classes)).sorted().toList()) {
				String name = classes.relativize(file).toString().replace('\\', '/');
				if (Files.isDirectory(file)) {
					out.putNextEntry(new java.util.jar.JarEntry(name + "/"));
				}
				else {
					out.putNextEntry(new java.util.jar.JarEntry(name));
					Files.copy(file, out);
				}
				out.closeEntry();
			}
		}
	}

	/** Where retort-core's classes are (a folder in the reactor, or a jar). */
	private static Path coreClasses() {
		try {
			return Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
