package dev.retort.sample;

import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.sample.revisions.BackfillNoteSlugs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code @JdbcTest} slice of the sample migrates the same graph as the application: the SQL
 * revisions and the {@code BackfillNoteSlugs} Java revision, a {@code @Component} the slice would
 * otherwise leave out.
 */
@JdbcTest
class NotesJdbcSliceTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void sliceMigratesTheWholeGraphIncludingJavaRevisionBeans() {
		assertThat(this.context.getBeansOfType(BackfillNoteSlugs.class)).hasSize(1);
		Retort retort = this.context.getBean(Retort.class);
		assertThat(retort.current()).containsExactly(NotesApplicationTestSupport.MERGE_HEAD);
		assertThat(retort.status().upToDate()).isTrue();
		// The Java revision ran: the seeded notes have their slugs.
		assertThat(this.jdbc.sql("SELECT slug FROM notes ORDER BY id").query(String.class).list())
			.containsExactly("welcome-to-retort-notes-1", "expand-backfill-contract-2");
	}

}
