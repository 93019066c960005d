package dev.retort.autoconfigure.actuate;

import dev.retort.Retort;
import dev.retort.autoconfigure.RetortAutoConfiguration;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code migrations} health contributor, when Boot's health support is on
 * the classpath, the {@link Retort} engine is configured, and
 * {@code management.health.migrations.enabled} is not false. Add it to the readiness group with
 * {@code management.endpoint.health.group.readiness.include=readinessState,migrations}.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Retort.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<MigrationsHealthIndicator, Retort> {

	MigrationsHealthContributorAutoConfiguration() {
		super(MigrationsHealthIndicator::new);
	}

	/**
	 * One indicator for the one Retort bean; with several (several databases), a composite whose
	 * members are named after the beans, as Boot does for several DataSources.
	 */
	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthContributor migrationsHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, Retort.class);
	}

}
