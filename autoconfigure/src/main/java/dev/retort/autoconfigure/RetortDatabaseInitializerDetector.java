package dev.retort.autoconfigure;

import java.util.Set;

import dev.retort.Retort;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Marks {@link RetortMigrationInitializer} beans, and every {@link Retort} bean (a user-defined one,
 * such as a second database's engine, may migrate where it is built), as database initializers, so
 * that beans using the database ({@code JdbcTemplate}, {@code JdbcClient}, JPA, jOOQ) are created
 * after the migration.
 */
class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(RetortMigrationInitializer.class, Retort.class);
	}

	@Override
	public int getOrder() {
		// As Flyway's: before script-based initializers (spring.sql.init), which may fill migrated tables.
		return 1;
	}

}
