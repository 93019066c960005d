package dev.retort.internal.script;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.CoreErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.internal.script.fixtures.good.ZetaRevision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionLoaderTest {

	private final RevisionLoader loader = new RevisionLoader(getClass().getClassLoader());

	@TempDir
	Path temp;

	static String revision(String id, String revises, String body) {
		return "-- revision " + id + "\n-- Revision ID: " + id + "\n-- Revises: " + revises + "\n\n-- +upgrade\n" + body
				+ "\n";
	}

	@Test
	void classpathFolderIsScannedRecursivelyInLexicographicOrderOfRelativePath() {
		List<RevisionScript> scripts = this.loader.loadLocation("classpath:script/db/revisions");
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("base1", "third", "second");
		assertThat(scripts).extracting(RevisionScript::source)
			.containsExactly("classpath:script/db/revisions/001_base.sql", "classpath:script/db/revisions/010_third.sql",
					"classpath:script/db/revisions/sub/002_second.sql");
		assertThat(scripts.get(0).node().source()).isEqualTo("classpath:script/db/revisions/001_base.sql");
	}

	@Test
	void locationWithoutPrefixIsClasspathAndSlashesAreTolerated() {
		assertThat(this.loader.loadLocation("script/db/revisions/")).extracting(RevisionScript::id)
			.containsExactly("base1", "third", "second");
		assertThat(this.loader.loadLocation("classpath:/script/more")).extracting(RevisionScript::id)
			.containsExactly("more1");
	}

	@Test
	void locationsInGivenOrderThenJavaRevisionsInClassNameOrder() {
		List<RevisionScript> scripts = this.loader.load(List.of("classpath:script/more", "classpath:script/db/revisions"),
				List.of(new ZetaRevision()), List.of("dev.retort.internal.script.fixtures.good"));
		assertThat(scripts).extracting(RevisionScript::id)
			.containsExactly("more1", "base1", "third", "second", "alpha", "nested", "zeta");
		assertThat(scripts.subList(4, 7)).extracting(RevisionScript::source)
			.containsExactly("dev.retort.internal.script.fixtures.good.AlphaRevision",
					"dev.retort.internal.script.fixtures.good.AlphaRevision$Nested",
					"dev.retort.internal.script.fixtures.good.ZetaRevision");
		assertThat(scripts.subList(4, 7)).allMatch((s) -> s.kind() == RevisionScript.Kind.JAVA);
	}

	@Test
	void missingClasspathLocationIsEmptyButMissingFilesystemLocationFails() {
		assertThat(this.loader.loadLocation("classpath:no/such/folder")).isEmpty();
		Path missing = this.temp.resolve("nope");
		assertThatThrownBy(() -> this.loader.loadLocation("filesystem:" + missing))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCATION_NOT_FOUND);
				assertThat(ex.getMessage()).contains("filesystem:" + missing).contains("does not exist");
			});
	}

	@Test
	void invalidLocationsAreConfigurationErrors() {
		assertThatThrownBy(() -> this.loader.loadLocation("file:/tmp/x")).isInstanceOfSatisfying(RetortException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_CONFIGURATION);
					assertThat(ex.getMessage()).contains("file:/tmp/x").contains("unknown prefix 'file:'");
				});
		assertThatThrownBy(() -> this.loader.loadLocation("classpath:/")).isInstanceOfSatisfying(RetortException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_CONFIGURATION));
	}

	@Test
	void filesystemLocationAbsoluteAndRelativeSkipsHiddenAndNonSql() throws IOException {
		Path dir = this.temp.resolve("revs");
		Files.createDirectories(dir.resolve("b/c"));
		Files.createDirectories(dir.resolve(".git"));
		Files.writeString(dir.resolve("b/c/r2.sql"), revision("r2", "r1", "SELECT 2;"));
		Files.writeString(dir.resolve("a.sql"), revision("r1", "", "SELECT 1;"));
		Files.writeString(dir.resolve("b.sql"), revision("r3", "r2", "SELECT 3;"));
		Files.writeString(dir.resolve("notes.md"), "not sql");
		Files.writeString(dir.resolve(".git/junk.sql"), "garbage");
		Files.writeString(dir.resolve(".hidden.sql"), "garbage");
		List<RevisionScript> absolute = this.loader.loadLocation("filesystem:" + dir);
		assertThat(absolute).extracting(RevisionScript::id).containsExactly("r1", "r3", "r2");
		String abs = dir.toAbsolutePath().normalize().toString().replace('\\', '/');
		assertThat(absolute.get(2).source()).isEqualTo("filesystem:" + abs + "/b/c/r2.sql");

		Path relative = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath());
		assertThat(this.loader.loadLocation("filesystem:" + relative)).extracting(RevisionScript::source)
			.isEqualTo(absolute.stream().map(RevisionScript::source).toList());
	}

	@Test
	void symbolicLinksAreFollowedAndALinkLoopIsAnError() throws IOException {
		Path shared = Files.createDirectories(this.temp.resolve("shared"));
		Files.writeString(shared.resolve("s.sql"), revision("s1", "", "SELECT 1;"));
		Path dir = Files.createDirectories(this.temp.resolve("linked"));
		Files.createSymbolicLink(dir.resolve("common"), shared);
		Files.createSymbolicLink(dir.resolve("t.sql"), shared.resolve("s.sql"));
		Files.createSymbolicLink(dir.resolve("gone.sql"), this.temp.resolve("missing.sql"));
		assertThat(this.loader.loadLocation("filesystem:" + dir)).extracting(RevisionScript::source)
			.containsExactly("filesystem:" + dir.toAbsolutePath().normalize().toString().replace('\\', '/')
					+ "/common/s.sql", "filesystem:" + dir.toAbsolutePath().normalize().toString().replace('\\', '/')
					+ "/t.sql");

		Files.createSymbolicLink(shared.resolve("back"), this.temp);
		assertThatThrownBy(() -> this.loader.loadLocation("filesystem:" + dir))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCATION_NOT_FOUND);
				assertThat(ex.getMessage()).contains("symbolic link loop");
			});
	}

	@Test
	void filesystemLocationThatIsAFileFails() throws IOException {
		Path file = Files.writeString(this.temp.resolve("x.sql"), revision("x", "", "SELECT 1;"));
		assertThatThrownBy(() -> this.loader.loadLocation("filesystem:" + file))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCATION_NOT_FOUND);
				assertThat(ex.getMessage()).contains("is not a folder");
			});
	}

	@Test
	void classpathLocationInsideJarWithNestedFolders() throws IOException {
		Path jar = this.temp.resolve("revisions.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String dir : List.of("db/", "db/revisions/", "db/revisions/v1/", "db/revisions/v1/deep/",
					"db/revisions/v2/", "other/")) {
				out.putNextEntry(new JarEntry(dir));
				out.closeEntry();
			}
			put(out, "db/revisions/v2/r3.sql", revision("j3", "j2", "SELECT 3;"));
			put(out, "db/revisions/v1/deep/r2.sql", revision("j2", "j1", "SELECT 2;"));
			put(out, "db/revisions/v1/r1.sql", revision("j1", "", "SELECT 'a;b'; SELECT 1;"));
			put(out, "db/revisions/v1/readme.txt", "ignored");
			put(out, "db/revisionsX/not-here.sql", revision("no", "", "SELECT 0;"));
			put(out, "other/o.sql", revision("no2", "", "SELECT 0;"));
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<RevisionScript> scripts = new RevisionLoader(classLoader).loadLocation("classpath:db/revisions");
			assertThat(scripts).extracting(RevisionScript::id).containsExactly("j2", "j1", "j3");
			assertThat(scripts).extracting(RevisionScript::source)
				.containsExactly("classpath:db/revisions/v1/deep/r2.sql", "classpath:db/revisions/v1/r1.sql",
						"classpath:db/revisions/v2/r3.sql");
			assertThat(scripts).noneMatch(RevisionScript::bodyLoaded);
			RevisionScript first = scripts.get(1);
			assertThat(((SqlBody) first.body()).upgradeStatements("h2")).extracting(SqlStatement::sql)
				.containsExactly("SELECT 'a;b'", "SELECT 1");
			assertThat(first.checksum())
				.isEqualTo(Checksums.of(revision("j1", "", "SELECT 'a;b'; SELECT 1;").getBytes(StandardCharsets.UTF_8)));
		}
	}

	@Test
	void sameFolderInSeveralRootsIsMergedInRelativePathOrder() throws IOException {
		Path dir = this.temp.resolve("root1/db/revisions");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("b.sql"), revision("fromdir", "", "SELECT 1;"));
		Path jar = this.temp.resolve("root2.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("db/"));
			out.putNextEntry(new JarEntry("db/revisions/"));
			put(out, "db/revisions/a.sql", revision("fromjar", "", "SELECT 1;"));
		}
		URL[] roots = { this.temp.resolve("root1").toUri().toURL(), jar.toUri().toURL() };
		try (URLClassLoader classLoader = new URLClassLoader(roots, null)) {
			assertThat(new RevisionLoader(classLoader).loadLocation("db/revisions")).extracting(RevisionScript::id)
				.containsExactly("fromjar", "fromdir");
		}
	}

	@Test
	void unsupportedUrlProtocolFailsClearly() {
		ClassLoader odd = new ClassLoader(null) {
			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return Collections.enumeration(List.of(new URL("http://example.invalid/" + name)));
			}
		};
		assertThatThrownBy(() -> new RevisionLoader(odd).loadLocation("classpath:db/revisions"))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCATION_NOT_FOUND);
				assertThat(ex.getMessage()).contains("classpath:db/revisions").contains("'http:'");
			});
	}

	@Test
	void javaRevisionsFromInstancesAndScannedPackages() {
		List<RevisionScript> scripts = this.loader.loadJava(List.of(), List.of("dev.retort.internal.script.fixtures.good"));
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("alpha", "nested", "zeta");
		RevisionScript zeta = scripts.get(2);
		assertThat(zeta.node().downRevisions()).containsExactly("alpha");
		assertThat(zeta.node().branchLabels()).containsExactly("greek");
		assertThat(zeta.node().message()).isEqualTo("zeta step");
		assertThat(zeta.transactional()).isFalse();
		assertThat(zeta.checksum()).isNull();
		assertThat(zeta.reversible()).isTrue();
		assertThat(zeta.body()).isInstanceOfSatisfying(JavaBody.class,
				(body) -> assertThat(body.migration()).isInstanceOf(ZetaRevision.class));
		assertThat(scripts.get(0).reversible()).isFalse();
		assertThat(scripts.get(1).node().dependsOn()).containsExactly("alpha");
	}

	@Test
	void givenInstanceWinsOverTheScannedCopyOfItsClass() {
		ZetaRevision bean = new ZetaRevision();
		List<RevisionScript> scripts = this.loader.loadJava(List.of(bean), List.of("dev.retort.internal.script.fixtures.good"));
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("alpha", "nested", "zeta");
		assertThat(((JavaBody) scripts.get(2).body()).migration()).isSameAs(bean);
	}

	@Test
	void subclassingProxyOfAnAnnotatedClassIsAccepted() {
		Migration proxy = new ZetaRevision() {
		};
		RevisionScript script = RevisionScript.ofJava(proxy);
		assertThat(script.id()).isEqualTo("zeta");
		assertThat(script.source()).isEqualTo(ZetaRevision.class.getName());
	}

	@Test
	void javaRevisionErrors() {
		Migration unannotated = (op) -> {
		};
		assertThatThrownBy(() -> RevisionScript.ofJava(unannotated)).isInstanceOfSatisfying(RetortException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(CoreErrorCode.MALFORMED_REVISION);
					assertThat(ex.getMessage()).contains("not annotated with @dev.retort.Revision");
				});
		assertThatThrownBy(() -> this.loader.loadJava(List.of(), List.of("dev.retort.internal.script.fixtures.unannotated")))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.MALFORMED_REVISION);
				assertThat(ex.getMessage()).contains("fixtures.unannotated.Forgotten").contains("@Revision");
			});
		assertThatThrownBy(() -> this.loader.loadJava(List.of(), List.of("dev.retort.internal.script.fixtures.noctor")))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.REVISION_NOT_INSTANTIABLE);
				assertThat(ex.getMessage()).contains("Java revision needsarg (class ")
					.contains("NeedsArgument")
					.contains("public no-argument constructor");
				assertThat(ex.revision()).isEqualTo("needsarg");
			});
		assertThatThrownBy(() -> RevisionScript.ofJava(new BadId())).isInstanceOfSatisfying(RetortException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(CoreErrorCode.ILLEGAL_REVISION_ID);
					assertThat(ex.getMessage()).contains(BadId.class.getName()).contains("'@'");
				});
		assertThat(this.loader.loadJava(List.of(), List.of("no.such.pkg"))).isEmpty();
	}

	@dev.retort.Revision(id = "bad@id")
	static class BadId implements Migration {

		@Override
		public void upgrade(dev.retort.Operations op) {
		}
	}

	@Test
	void javaRevisionsScannedFromAJar() throws Exception {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		Path src = this.temp.resolve("src/jarrevs/InJar.java");
		Files.createDirectories(src.getParent());
		Files.writeString(src, """
				package jarrevs.sub;
				@dev.retort.Revision(id = "injar", message = "from a jar")
				public class InJar implements dev.retort.Migration {
					public void upgrade(dev.retort.Operations op) { }
				}
				""");
		Path classes = this.temp.resolve("classes");
		String classpath = Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.toString();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", classpath, src.toString());
		assertThat(status).isZero();
		Path jar = this.temp.resolve("java-revisions.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("jarrevs/"));
			out.putNextEntry(new JarEntry("jarrevs/sub/"));
			out.putNextEntry(new JarEntry("jarrevs/sub/InJar.class"));
			out.write(Files.readAllBytes(classes.resolve("jarrevs/sub/InJar.class")));
			out.closeEntry();
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				getClass().getClassLoader())) {
			List<RevisionScript> scripts = new RevisionLoader(classLoader).loadJava(List.of(), List.of("jarrevs"));
			assertThat(scripts).extracting(RevisionScript::id).containsExactly("injar");
			assertThat(scripts.get(0).source()).isEqualTo("jarrevs.sub.InJar");
			assertThat(scripts.get(0).node().message()).isEqualTo("from a jar");
		}
	}

	private static void put(OutputStream jar, String name, String content) throws IOException {
		JarOutputStream out = (JarOutputStream) jar;
		out.putNextEntry(new JarEntry(name));
		out.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}
}
