package dev.retort.autoconfigure;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.autoconfigure.ordering.Thing;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beans that use the database are created after the startup migration: a bean reading a migrated
 * table in its constructor, and a JPA application whose Hibernate leaves the schema to Retort.
 */
class StartupOrderingTests {

	@Test
	void jdbcTemplateAndJdbcClientUsersSeeMigratedSchema() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
					RetortAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true")
			.withUserConfiguration(ReadersConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TemplateReader.class).names).containsExactly("first thing");
				assertThat(context.getBean(ClientReader.class).names).containsExactly("first thing");
			});
	}

	@Test
	void aUserDefinedRetortBeanIsADatabaseInitializer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
					RetortAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true")
			// The readers are registered first: only the initializer ordering puts the Retort bean first.
			.withUserConfiguration(ReadersConfiguration.class, OwnRetortConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(RetortMigrationInitializer.class);
				assertThat(context.getBean(TemplateReader.class).names).containsExactly("first thing");
				assertThat(context.getBean(ClientReader.class).names).containsExactly("first thing");
			});
	}

	@Test
	void jpaApplicationStartsAfterMigrationAndHibernateDoesNotManageSchema() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JpaApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.jpa.open-in-view=false")
			.run()) {
			assertThat(context.getBean(JpaReader.class).names).containsExactly("first thing");
			// Hibernate's default ddl-auto on an embedded database is create-drop; it must back off, or
			// the row inserted by the revision would be gone and the version table dropped on close.
			EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
			try {
				assertThat(entityManager.find(Thing.class, 1).getName()).isEqualTo("first thing");
			}
			finally {
				entityManager.close();
			}
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("SELECT version_num FROM retort_version", String.class)).containsExactly("b2c3d4e5f6a7");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ReadersConfiguration {

		@Bean
		TemplateReader templateReader(JdbcTemplate jdbcTemplate) {
			return new TemplateReader(jdbcTemplate);
		}

		@Bean
		ClientReader clientReader(JdbcClient jdbcClient) {
			return new ClientReader(jdbcClient);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRetortConfiguration {

		/** Built and migrated by the application itself, as a second database's engine would be. */
		@Bean
		Retort retort(DataSource dataSource) {
			Retort retort = Retort.configure().dataSource(dataSource).locations("classpath:db/revisions").load();
			retort.upgrade("heads");
			return retort;
		}

	}

	static class TemplateReader {

		final List<String> names;

		TemplateReader(JdbcTemplate jdbcTemplate) {
			this.names = jdbcTemplate.queryForList("SELECT name FROM things", String.class);
		}

	}

	static class ClientReader {

		final List<String> names;

		ClientReader(JdbcClient jdbcClient) {
			this.names = jdbcClient.sql("SELECT name FROM things").query(String.class).list();
		}

	}

	static class JpaReader {

		final List<String> names;

		JpaReader(EntityManagerFactory entityManagerFactory) {
			EntityManager entityManager = entityManagerFactory.createEntityManager();
			try {
				this.names = entityManager.createQuery("select t.name from Thing t", String.class).getResultList();
			}
			finally {
				entityManager.close();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			HibernateJpaAutoConfiguration.class, RetortAutoConfiguration.class })
	@EntityScan(basePackageClasses = Thing.class)
	static class JpaApplication {

		@Bean
		JpaReader jpaReader(EntityManagerFactory entityManagerFactory) {
			return new JpaReader(entityManagerFactory);
		}

	}

}
