package dev.retort.internal.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.CoreErrorCode;
import dev.retort.LocationScanner;
import dev.retort.RetortException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An integration's {@link LocationScanner} lists locations first; {@code null} leaves them to the engine. */
class LocationScannerTest {

	private static final String REVISION = """
			-- from a scanner
			--
			-- Revision ID: 5ca000000001
			-- Revises:

			-- +upgrade
			CREATE TABLE scanned (id INT);

			-- +downgrade
			DROP TABLE scanned;
			""";

	@Test
	void scannedFilesAreReadAsRevisionsAndOtherFilesAreSkipped() {
		List<String> asked = new ArrayList<>();
		LocationScanner scanner = (location) -> {
			asked.add(location);
			return List.of(new LocationScanner.Found("a/5ca000000001_scanned.sql", "memory:a/5ca000000001_scanned.sql",
					() -> new ByteArrayInputStream(REVISION.getBytes(StandardCharsets.UTF_8))),
					new LocationScanner.Found("README.md", "memory:README.md",
							() -> new ByteArrayInputStream(new byte[0])));
		};
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader(), scanner)
			.loadLocation(" classpath:anywhere ");
		assertThat(asked).containsExactly("classpath:anywhere");
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("5ca000000001");
		assertThat(scripts.get(0).source()).isEqualTo("memory:a/5ca000000001_scanned.sql");
	}

	@Test
	void nullLeavesTheLocationToTheEngine() {
		List<RevisionScript> scripts = new RevisionLoader(getClass().getClassLoader(), (location) -> null)
			.loadLocation("classpath:script/db/revisions");
		assertThat(scripts).extracting(RevisionScript::source)
			.contains("classpath:script/db/revisions/001_base.sql");
	}

	@Test
	void aScannerThatCannotListFailsWithLocationNotFound() {
		LocationScanner broken = (location) -> {
			throw new IOException("listing refused");
		};
		assertThatThrownBy(() -> new RevisionLoader(getClass().getClassLoader(), broken).loadLocation("classpath:x"))
			.isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.LOCATION_NOT_FOUND))
			.hasMessageContaining("classpath:x")
			.hasMessageContaining("listing refused");
	}

}
