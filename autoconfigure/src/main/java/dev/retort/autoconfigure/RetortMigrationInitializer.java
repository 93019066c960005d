package dev.retort.autoconfigure;

import dev.retort.Retort;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Runs the startup migration when the application context creates it. Boot's database-initialization
 * ordering makes {@code JdbcTemplate}, {@code JdbcClient} and JPA users wait for this bean, so they
 * see the migrated schema. Define a bean of this type to take over entirely (the auto-configured one
 * then backs off), or a {@link RetortMigrationStrategy} bean to change only what it does.
 */
public class RetortMigrationInitializer implements InitializingBean, Ordered {

	private final Retort retort;

	private final RetortMigrationStrategy strategy;

	private int order;

	/**
	 * Creates an initializer that runs {@code strategy} with {@code retort}.
	 * @param retort the configured engine
	 * @param strategy what to do with the database
	 */
	public RetortMigrationInitializer(Retort retort, RetortMigrationStrategy strategy) {
		Assert.notNull(retort, "'retort' must not be null");
		Assert.notNull(strategy, "'strategy' must not be null");
		this.retort = retort;
		this.strategy = strategy;
	}

	@Override
	public void afterPropertiesSet() {
		this.strategy.migrate(this.retort);
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/** Sets this bean's order among other initializers. */
	public void setOrder(int order) {
		this.order = order;
	}

}
