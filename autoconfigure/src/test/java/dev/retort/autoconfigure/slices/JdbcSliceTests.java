package dev.retort.autoconfigure.slices;

import org.junit.jupiter.api.Test;

import dev.retort.Retort;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain {@code @JdbcTest} migrates the application's whole graph, Java revision beans included. */
@JdbcTest
class JdbcSliceTests {

	@Autowired
	private Retort retort;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void sliceMigratesSqlAndJavaRevisions() {
		assertThat(this.retort.current()).containsExactly("5117ce000001");
		assertThat(this.jdbc.queryForList("SELECT name FROM things ORDER BY id", String.class))
			.containsExactly("first thing", "second thing");
	}

}
