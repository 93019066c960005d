package dev.retort.internal.script;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTest {

	private static final String UNIX = "-- m\n-- Revision ID: a\n-- Revises:\n\n-- +upgrade\nSELECT 1;\n";

	private static String of(String text) {
		return Checksums.of(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void isSha256Hex() {
		assertThat(of(UNIX)).hasSize(Checksums.LENGTH).matches("[0-9a-f]{64}");
		// SHA-256 of the empty input: the normalised form of a file holding only whitespace
		assertThat(of(" \n\r\n")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void lineEndingsBomAndTrailingWhitespaceDoNotMatter() {
		String expected = of(UNIX);
		assertThat(of(UNIX.replace("\n", "\r\n"))).isEqualTo(expected);
		assertThat(of(UNIX.replace("\n", "\r"))).isEqualTo(expected);
		assertThat(of("\uFEFF" + UNIX)).isEqualTo(expected);
		assertThat(of(UNIX.strip())).isEqualTo(expected);
		assertThat(of(UNIX + "\n\n  \t\r\n")).isEqualTo(expected);
	}

	@Test
	void anyOtherChangeChangesIt() {
		String expected = of(UNIX);
		assertThat(of(UNIX.replace("SELECT 1", "SELECT 2"))).isNotEqualTo(expected);
		assertThat(of(UNIX.replace("-- m", "-- n"))).isNotEqualTo(expected);
		assertThat(of(UNIX.replace("SELECT", "  SELECT"))).isNotEqualTo(expected);
		assertThat(of(UNIX.replace("\n\n", "\n"))).isNotEqualTo(expected);
	}

	@Test
	void loadedScriptChecksumIgnoresCrlf() {
		RevisionScript unix = RevisionScript.ofSql("u.sql", UNIX);
		RevisionScript windows = RevisionScript.ofSql("w.sql", UNIX.replace("\n", "\r\n"));
		assertThat(windows.checksum()).isEqualTo(unix.checksum()).isEqualTo(of(UNIX));
		assertThat(((SqlBody) windows.body()).upgradeStatements("h2")).extracting(SqlStatement::line)
			.containsExactly(6);
	}
}
