package dev.retort.internal.schema;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.internal.catalog.SchemaSnapshot;
import dev.retort.internal.catalog.SnapshotOptions;
import dev.retort.internal.catalog.TableSnapshot;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scratch databases: created empty, dropped after success and failure, leftovers cleaned, refusals clear. */
class ScratchServerTest {

	/** A scratch server URL for the engine: the test server, reached through a database of it. */
	private static ScratchServer server(TestDatabase anyDatabase) {
		return new ScratchServer(anyDatabase.url(), anyDatabase.user(), anyDatabase.password());
	}

	/** What a run does before it builds its two sides: leftovers dropped, both databases created. */
	private static ScratchDatabases open(ScratchServer server) {
		ScratchDatabases databases = server.reserve();
		try {
			server.dropLeftovers();
			databases.createCurrent();
			databases.createWanted();
			return databases;
		}
		catch (RuntimeException ex) {
			try {
				databases.close();
			}
			catch (RuntimeException dropFailure) {
				ex.addSuppressed(dropFailure);
			}
			throw ex;
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRES", "MARIADB" })
	void createsTwoEmptyDatabasesAndDropsThemEvenWhenTheRunFails(DatabaseKind kind) throws Exception {
		try (TestDatabase any = TestDatabases.create(kind)) {
			ScratchServer server = server(any);
			List<String> names = new java.util.ArrayList<>();
			assertThatThrownBy(() -> {
				try (ScratchDatabases scratch = open(server)) {
					assertThat(scratch.currentUrl()).isNotEqualTo(scratch.wantedUrl()).contains("retort_scratch_");
					names.add(databaseName(scratch.currentUrl()));
					names.add(databaseName(scratch.wantedUrl()));
					for (var ds : List.of(scratch.current(), scratch.wanted())) {
						try (Connection c = ds.getConnection()) {
							SchemaSnapshot snapshot = server.database().catalogReader().read(c, SnapshotOptions.excluding());
							assertThat(snapshot.isEmpty()).isTrue();
						}
					}
					// Other builds may share the server: only this run's databases are checked.
					assertThat(server.scratchDatabases()).containsAll(names);
					throw new IllegalStateException("the run fails");
				}
			}).hasMessage("the run fails");
			assertThat(names).hasSize(2);
			assertThat(server.scratchDatabases()).doesNotContainAnyElementsOf(names);
		}
	}

	/** Throwaway databases need no durable commits: PostgreSQL's are made without waiting for WAL flushes. */
	@Test
	void postgresScratchDatabasesCommitWithoutWaitingForTheDisk() throws Exception {
		try (TestDatabase any = TestDatabases.create(DatabaseKind.POSTGRES);
				ScratchDatabases scratch = open(server(any))) {
			for (var ds : List.of(scratch.current(), scratch.wanted())) {
				try (Connection c = ds.getConnection(); var s = c.createStatement();
						var rows = s.executeQuery("SHOW synchronous_commit")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).isEqualTo("off");
				}
			}
		}
	}

	private static String databaseName(String url) {
		return url.replaceAll(".*/(retort_scratch_[0-9a-f_]+).*", "$1");
	}

	@Test
	void h2ScratchDatabasesKeepTheModeAndAreDropped() throws Exception {
		ScratchServer server = new ScratchServer("jdbc:h2:mem:app;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;INIT=bad", "sa", "");
		String url;
		try (ScratchDatabases scratch = open(server)) {
			url = scratch.currentUrl();
			assertThat(url).startsWith("jdbc:h2:mem:retort_scratch_").contains(";MODE=PostgreSQL")
				.contains(";DATABASE_TO_LOWER=TRUE").doesNotContain("INIT");
			try (Connection c = scratch.current().getConnection(); Statement s = c.createStatement()) {
				s.execute("CREATE TABLE kept (id INTEGER)");
			}
			try (Connection c = scratch.current().getConnection()) {
				assertThat(server.database().catalogReader().read(c, SnapshotOptions.excluding()).tables())
					.extracting(TableSnapshot::name).containsExactly("kept");
			}
		}
		try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
			assertThat(server.database().catalogReader().read(c, SnapshotOptions.excluding()).isEmpty()).isTrue();
		}
	}

	/** SQLite's scratch databases are files in the temporary directory, deleted after the run; old ones too. */
	@Test
	void sqliteScratchDatabasesAreTemporaryFiles() throws Exception {
		java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
		long hourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
		java.nio.file.Path leftover = java.nio.file.Files
			.createFile(tmp.resolve(ScratchServer.PREFIX + hourAgo + "_" + Long.toHexString(System.nanoTime()) + ".db"));
		ScratchServer server = new ScratchServer("jdbc:sqlite:/var/app/app.db", null, null);
		String url;
		try (ScratchDatabases scratch = open(server)) {
			url = scratch.currentUrl();
			assertThat(java.nio.file.Files.exists(leftover)).isFalse();
			assertThat(url).startsWith("jdbc:sqlite:" + tmp.resolve(ScratchServer.PREFIX)).endsWith(".db");
			assertThat(scratch.wantedUrl()).isNotEqualTo(url);
			try (Connection c = scratch.current().getConnection(); Statement s = c.createStatement()) {
				s.execute("CREATE TABLE kept (id INTEGER)");
			}
			try (Connection c = scratch.current().getConnection()) {
				assertThat(server.database().catalogReader().read(c, SnapshotOptions.excluding()).tables())
					.extracting(TableSnapshot::name).containsExactly("kept");
			}
			String name = url.replaceAll(".*/(retort_scratch_[0-9a-f_]+)\\.db", "$1");
			assertThat(server.scratchDatabases()).contains(name);
		}
		assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(url.substring("jdbc:sqlite:".length())))).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRES", "MARIADB" })
	void dropsWhatAKilledRunLeftBehind(DatabaseKind kind) throws Exception {
		try (TestDatabase any = TestDatabases.create(kind)) {
			long hourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
			String leftover = ScratchServer.PREFIX + hourAgo + "_0badcafe";
			String recent = ScratchServer.PREFIX + Instant.now().getEpochSecond() + "_00c0ffee";
			ScratchServer server = server(any);
			try (Connection c = any.connect(); Statement s = c.createStatement()) {
				s.execute("CREATE DATABASE " + leftover);
				s.execute("CREATE DATABASE " + recent);
			}
			try {
				try (ScratchDatabases scratch = open(server)) {
					assertThat(server.scratchDatabases()).doesNotContain(leftover).contains(recent);
				}
			}
			finally {
				server.drop(recent);
				server.drop(leftover);
			}
		}
	}

	/** A run that exits without closing (Ctrl-C, System.exit) still drops its databases: the shutdown hook. */
	@Test
	void theShutdownHookDropsTheDatabasesOfARunThatExits() throws Exception {
		try (TestDatabase any = TestDatabases.create(DatabaseKind.POSTGRES)) {
			List<String> command = List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx128m", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=none", "-cp",
					System.getProperty("java.class.path"), ScratchExitMain.class.getName(), any.url(), any.user(),
					any.password());
			Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(child.waitFor()).as(output).isEqualTo(3);
			List<String> created = output.lines()
				.filter(l -> l.startsWith("CURRENT ") || l.startsWith("WANTED "))
				.map(l -> l.replaceAll(".*/(retort_scratch_[0-9a-f_]+).*", "$1"))
				.toList();
			assertThat(created).as(output).hasSize(2);
			assertThat(server(any).scratchDatabases()).doesNotContainAnyElementsOf(created);
		}
	}

	@Test
	void refusesAServerThatIsDown() {
		ScratchServer server = new ScratchServer("jdbc:postgresql://127.0.0.1:1/app?connectTimeout=2", "postgres",
				"s3cret");
		assertThatThrownBy(() -> open(server)).isInstanceOfSatisfying(RetortException.class,
				ex -> assertThat(ex.code()).isEqualTo(CoreErrorCode.SCRATCH_DATABASE_UNAVAILABLE))
			.hasMessageContaining("retort.scratchUrl")
			.hasMessageContaining("--scratch-url")
			.hasMessageNotContaining("s3cret");
	}

	@Test
	void refusesAUserWhoMayNotCreateDatabases() throws Exception {
		try (TestDatabase any = TestDatabases.create(DatabaseKind.POSTGRES)) {
			String role = "retort_nocreate_" + Long.toHexString(System.nanoTime());
			try (Connection c = any.connect(); Statement s = c.createStatement()) {
				s.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
			}
			try {
				String url = any.url().replaceAll("user=[^&]*", "user=" + role);
				ScratchServer server = new ScratchServer(url, role, null);
				assertThatThrownBy(() -> open(server)).isInstanceOfSatisfying(RetortException.class,
						ex -> assertThat(ex.code()).isEqualTo(CoreErrorCode.SCRATCH_DATABASE_UNAVAILABLE))
					.hasMessageContaining("cannot create scratch database")
					.hasMessageContaining("retort.scratchUrl");
			}
			finally {
				try (Connection c = any.connect(); Statement s = c.createStatement()) {
					s.execute("DROP ROLE " + role);
				}
			}
		}
	}
}
