package dev.retort.autoconfigure.actuate;

import dev.retort.Retort;
import dev.retort.autoconfigure.RetortAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
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
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(Retort retort) {
		return new MigrationsHealthIndicator(retort);
	}

}
