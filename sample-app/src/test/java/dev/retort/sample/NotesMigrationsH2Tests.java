package dev.retort.sample;

import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.retort.Retort;
import dev.retort.ScratchOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The migration test kit against the Spring Boot test context's {@link Retort}, on an embedded H2
 * database of its own: single head, every downgrade present, upgrade base to heads, the stairway (one
 * test per revision, the backfill's data check inside it) and the JPA model check. The application migrated the database at
 * startup; the checks take it back to base and leave it at the heads.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:notes-migrations;DB_CLOSE_DELAY=-1")
class NotesMigrationsH2Tests {

	@Autowired
	private Retort retort;

	@Autowired
	private DataSource dataSource;

	@TestFactory
	Stream<DynamicNode> migrations() {
		// The model check's throwaway databases: H2 in memory, as retort:check uses by default.
		return NotesMigrationChecks.of(this.retort, this.dataSource, ScratchOptions.of("jdbc:h2:mem:retort"))
			.allChecks();
	}

}
