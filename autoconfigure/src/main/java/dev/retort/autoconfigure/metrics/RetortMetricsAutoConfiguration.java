package dev.retort.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import dev.retort.Retort;
import dev.retort.autoconfigure.RetortAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of Retort's metrics and observations. With a Micrometer {@link MeterRegistry}
 * bean: a {@link MigrationMetricsTracker} (Micrometer's, unless one is defined), the
 * {@link MetricsMigrationListener} feeding it, and the {@link MigrationStatusGauges}. With an
 * {@link ObservationRegistry} bean: an {@link ObservationMigrationListener}. The listeners are
 * {@code MigrationListener} beans, which the engine bean picks up.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(Retort.class)
public final class RetortMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	@ConditionalOnBean({ Retort.class, MeterRegistry.class })
	static class MeterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationMetricsTracker migrationMetricsTracker(MeterRegistry registry) {
			return new MicrometerMigrationMetricsTracker(registry);
		}

		@Bean
		@ConditionalOnMissingBean
		MetricsMigrationListener metricsMigrationListener(MigrationMetricsTracker tracker) {
			return new MetricsMigrationListener(tracker);
		}

		@Bean
		@ConditionalOnMissingBean
		MigrationStatusGauges migrationStatusGauges(ObjectProvider<Retort> retort) {
			return new MigrationStatusGauges(retort::getObject, MigrationStatusGauges.DEFAULT_TIME_TO_LIVE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
	@ConditionalOnBean({ Retort.class, ObservationRegistry.class })
	static class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ObservationMigrationListener observationMigrationListener(ObservationRegistry registry) {
			return new ObservationMigrationListener(registry);
		}

	}

}
