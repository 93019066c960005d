package dev.retort.autoconfigure.slices;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.autoconfigure.ordering.Thing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code @DataJpaTest} migrates the application's whole graph, Java revision beans included,
 * and Hibernate leaves the schema to Retort.
 */
@DataJpaTest
class DataJpaSliceTests {

	@Autowired
	private Retort retort;

	@Autowired
	private EntityManager entityManager;

	@Test
	void sliceMigratesSqlAndJavaRevisions() {
		assertThat(this.retort.current()).containsExactly("5117ce000001");
		assertThat(this.entityManager.find(Thing.class, 1).getName()).isEqualTo("first thing");
		assertThat(this.entityManager.find(Thing.class, 2).getName()).isEqualTo("second thing");
	}

}
