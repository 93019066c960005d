package dev.retort.internal.script;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building the graph reads headers only; bodies are read once, on first use. */
class LazyBodyTest {

	@TempDir
	Path temp;

	private static final String HEADER = "-- big one\n-- Revision ID: big\n-- Revises:\n\n-- +upgrade\n";

	@Test
	void headerReaderStopsAtTheFirstUpgradeMarker() throws IOException {
		byte[] content = (HEADER + "INSERT INTO t VALUES ('x');\n".repeat(40_000)).getBytes(StandardCharsets.UTF_8);
		AtomicLong read = new AtomicLong();
		SqlHeader header = SqlRevisionParser.readHeader("big.sql", counting(new ByteArrayInputStream(content), read));
		assertThat(header.node().id()).isEqualTo("big");
		assertThat(content.length).isGreaterThan(1_000_000);
		assertThat(read.get()).isLessThanOrEqualTo(16 * 1024);
	}

	@Test
	void loadingAThousandFilesReadsNoBodyAndABrokenBodyFailsOnlyWhenRead() throws IOException {
		Path dir = Files.createDirectories(this.temp.resolve("many"));
		String body = "SELECT 1;\n".repeat(2_000);
		for (int i = 0; i < 1000; i++) {
			String id = String.format("r%04d", i);
			String revises = (i == 0) ? "" : String.format("r%04d", i - 1);
			String broken = (i == 500) ? "SELECT 'never closed;\n" : "";
			Files.writeString(dir.resolve(id + ".sql"),
					"-- rev " + i + "\n-- Revision ID: " + id + "\n-- Revises: " + revises + "\n\n-- +upgrade\n" + broken
							+ body);
		}
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader())
			.loadLocation("filesystem:" + dir);
		assertThat(scripts).hasSize(1000);
		assertThat(scripts).noneMatch(RevisionScript::bodyLoaded);
		RevisionScript broken = scripts.get(500);
		assertThat(broken.id()).isEqualTo("r0500");
		assertThatThrownBy(broken::body).isInstanceOfSatisfying(RetortException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(CoreErrorCode.MALFORMED_REVISION);
			assertThat(ex.getMessage()).contains("r0500.sql, line 6").contains("unterminated string literal");
		});
		assertThat(((SqlBody) scripts.get(1).body()).upgradeStatements("h2")).hasSize(2_000);
		assertThat(scripts.get(1).bodyLoaded()).isTrue();
		assertThat(scripts.get(2).bodyLoaded()).isFalse();
	}

	@Test
	void bodyIsReadOnceAndSharedBetweenThreads() throws Exception {
		AtomicInteger opens = new AtomicInteger();
		byte[] content = (HEADER + "SELECT 1;\n").getBytes(StandardCharsets.UTF_8);
		ScriptResource resource = resource("counted.sql", () -> {
			opens.incrementAndGet();
			return content;
		});
		SqlHeader header;
		try (InputStream in = resource.open()) {
			header = SqlRevisionParser.readHeader("counted.sql", in);
		}
		RevisionScript script = RevisionScript.sql(header, resource);
		assertThat(opens.get()).isEqualTo(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ScriptBody>> bodies = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				bodies.add(pool.submit(() -> {
					start.await();
					return script.body();
				}));
			}
			start.countDown();
			ScriptBody first = bodies.get(0).get();
			for (Future<ScriptBody> body : bodies) {
				assertThat(body.get()).isSameAs(first);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(script.checksum()).isEqualTo(Checksums.of(content));
		assertThat(opens.get()).isEqualTo(2);
	}

	@Test
	void headerChangedAfterLoadingIsRefusedWhenTheBodyIsRead() throws IOException {
		// Bigger than what is read whole at load: the body is read from the file when needed.
		String padding = "-- " + "x".repeat(100) + "\n";
		Path dir = Files.createDirectories(this.temp.resolve("changing"));
		Path file = dir.resolve("a.sql");
		Files.writeString(file, "-- a\n-- Revision ID: a1\n-- Revises:\n-- +upgrade\nSELECT 1;\n" + padding.repeat(100));
		RevisionScript script = new RevisionLoader(getClass().getClassLoader()).loadLocation("filesystem:" + dir).get(0);
		Files.writeString(file, "-- a\n-- Revision ID: a1\n-- Revises: zz\n-- +upgrade\nSELECT 1;\n" + padding.repeat(100));
		assertThatThrownBy(script::body).isInstanceOfSatisfying(RetortException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(CoreErrorCode.MALFORMED_REVISION);
			assertThat(ex.getMessage()).contains("a.sql").contains("header changed");
		});
	}

	@Test
	void aSmallFileRunsAsLoadedWithoutBeingReadAgain() throws IOException {
		Path dir = Files.createDirectories(this.temp.resolve("kept"));
		Path file = dir.resolve("a.sql");
		String content = "-- a\n-- Revision ID: a1\n-- Revises:\n-- +upgrade\nSELECT 1;\nSELECT 2;\n";
		Files.writeString(file, content);
		RevisionScript script = new RevisionLoader(getClass().getClassLoader()).loadLocation("filesystem:" + dir).get(0);
		// Changed (or gone) after loading: what was loaded, and checksummed, is what runs.
		Files.delete(file);
		assertThat(((SqlBody) script.body()).upgradeStatements("h2")).hasSize(2);
		assertThat(script.checksum()).isEqualTo(Checksums.of(content.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aChecksumTakenLazilyIsOfTheTextLoadedAndRun() throws IOException {
		Path dir = Files.createDirectories(this.temp.resolve("lazy"));
		Path file = dir.resolve("a.sql");
		String loaded = "-- a\n-- Revision ID: a1\n-- Revises:\n-- +upgrade\nSELECT 1;\n";
		Files.writeString(file, loaded);
		RevisionScript script = new RevisionLoader(getClass().getClassLoader()).loadLocation("filesystem:" + dir).get(0);
		// Changed after loading, before any checksum was asked for: the checksum is still that of the
		// loaded bytes, and the statements that run are the loaded ones.
		Files.writeString(file, "-- a\n-- Revision ID: a1\n-- Revises:\n-- +upgrade\nDROP TABLE important;\n");
		String expected = Checksums.of(loaded.getBytes(StandardCharsets.UTF_8));
		assertThat(script.fileChecksum()).isEqualTo(expected);
		assertThat(((SqlBody) script.body()).upgradeStatements("h2")).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1");
		assertThat(script.checksum()).isEqualTo(expected);
	}

	@Test
	void loadingHashesNothingUntilAChecksumIsAskedFor() throws IOException {
		Path dir = Files.createDirectories(this.temp.resolve("unhashed"));
		for (int i = 0; i < 3; i++) {
			Files.writeString(dir.resolve("r" + i + ".sql"), "-- r\n-- Revision ID: r" + i + "\n-- Revises:"
					+ ((i == 0) ? "" : " r" + (i - 1)) + "\n-- +upgrade\nSELECT 1;\n");
		}
		Checksums.Digester digester = new Checksums.Digester();
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader())
			.loadLocation("filesystem:" + dir, digester);
		assertThat(scripts).hasSize(3);
		assertThat(digester.hashed()).isZero();
		assertThat(scripts.get(1).fileChecksum()).hasSize(Checksums.LENGTH);
		assertThat(scripts.get(1).checksum()).isEqualTo(scripts.get(1).fileChecksum());
		assertThat(digester.hashed()).isEqualTo(1);
	}

	@Test
	void aFileReadAgainIsCheckedAgainstTheLoadedHeaderEvenWhenItsChecksumWasTaken() throws IOException {
		// Nothing kept from the load (a big file, or the kept text reclaimed): the checksum read alone
		// is of the file as it is now, but binds the body only if the file still declares the same header.
		byte[][] content = { "-- a\n-- Revision ID: a1\n-- Revises:\n-- +upgrade\nSELECT 1;\n"
			.getBytes(StandardCharsets.UTF_8) };
		ScriptResource resource = resource("changing.sql", () -> content[0]);
		SqlHeader header = SqlRevisionParser.readHeader("changing.sql", new ByteArrayInputStream(content[0]));
		RevisionScript script = RevisionScript.sql(header, resource, new Checksums.Digester());
		content[0] = "-- a\n-- Revision ID: a1\n-- Revises: zz\n-- +upgrade\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8);
		assertThat(script.fileChecksum()).isEqualTo(Checksums.of(content[0]));
		assertThatThrownBy(script::body).isInstanceOfSatisfying(RetortException.class,
				(ex) -> assertThat(ex.getMessage()).contains("changing.sql").contains("header changed"));
		// Back as loaded, checksummed, then changed in its body: refused, as the checksum was taken.
		content[0] = "-- a\n-- Revision ID: a1\n-- Revises:\n-- +upgrade\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8);
		String taken = script.fileChecksum();
		assertThat(taken).isEqualTo(Checksums.of(content[0]));
		content[0] = "-- a\n-- Revision ID: a1\n-- Revises:\n-- +upgrade\nSELECT 2;\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(script::body).isInstanceOfSatisfying(RetortException.class,
				(ex) -> assertThat(ex.getMessage()).contains("file changed").contains(taken));
	}

	@Test
	void aKeptFileParsesToTheSameBodyAsAFullParseWhateverItsLineEndings() throws IOException {
		// The kept text's body is parsed from the first section on (its header was read at load):
		// statements, sections and line numbers must be those of parsing the whole file.
		String lines = "-- a\n\n-- Revision ID: a1\n-- Revises:\n-- Transactional: true\n--\n-- +upgrade\n"
				+ "CREATE TABLE t (\n  id INT\n);\n-- +upgrade dialect=h2\nSELECT 'x;y';\n\n-- +downgrade\nDROP TABLE t;\n";
		for (String content : List.of(lines, lines.replace("\n", "\r\n"), lines.replace("\n", "\r"),
				"\uFEFF" + lines)) {
			Path dir = Files.createTempDirectory(this.temp, "endings");
			Files.writeString(dir.resolve("a.sql"), content);
			RevisionScript script = new RevisionLoader(getClass().getClassLoader()).loadLocation("filesystem:" + dir)
				.get(0);
			SqlBody whole = SqlRevisionParser.parse(script.source(), content).body();
			assertThat(script.body()).isEqualTo(whole);
			assertThat(whole.upgradeStatements("h2")).extracting(SqlStatement::line).containsExactly(8, 12);
			assertThat(whole.downgradeStatements("h2")).extracting(SqlStatement::line).containsExactly(15);
		}
	}

	@Test
	void invalidUtf8IsReportedWithTheFile() throws IOException {
		Path dir = Files.createDirectories(this.temp.resolve("latin1"));
		Files.write(dir.resolve("l.sql"), "-- caf\u00e9\n-- Revision ID: l1\n-- Revises:\n-- +upgrade\nSELECT 1;\n"
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThatThrownBy(() -> new RevisionLoader(getClass().getClassLoader()).loadLocation("filesystem:" + dir))
			.isInstanceOfSatisfying(RetortException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(CoreErrorCode.MALFORMED_REVISION);
				assertThat(ex.getMessage()).contains("l.sql").contains("UTF-8");
			});
	}

	@Test
	void aReplacementCharacterWrittenInTheFileIsText() throws IOException {
		// U+FFFD is what lenient decoding puts in place of malformed bytes: written on purpose it is valid.
		Path dir = Files.createDirectories(this.temp.resolve("fffd"));
		Files.writeString(dir.resolve("r.sql"), "-- odd \uFFFD\r\n-- Revision ID: r1\r\n-- Revises:\r\n-- +upgrade\r\nSELECT 1;\r\n");
		RevisionScript script = new RevisionLoader(getClass().getClassLoader()).loadLocation("filesystem:" + dir).get(0);
		assertThat(script.node().message()).isEqualTo("odd \uFFFD");
		assertThat(script.checksum())
			.isEqualTo(Checksums.of("-- odd \uFFFD\n-- Revision ID: r1\n-- Revises:\n-- +upgrade\nSELECT 1;\n"
				.getBytes(StandardCharsets.UTF_8)));
	}

	private static InputStream counting(InputStream in, AtomicLong read) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					read.incrementAndGet();
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					read.addAndGet(n);
				}
				return n;
			}
		};
	}
	/** A file in memory: {@code bytes} gives its content at each opening. */
	private static ScriptResource resource(String source, Supplier<byte[]> bytes) {
		return new ScriptResource() {

			@Override
			public String source() {
				return source;
			}

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(bytes.get());
			}
		};
	}
}
