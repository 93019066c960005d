package dev.retort.autoconfigure.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import dev.retort.Retort;
import dev.retort.autoconfigure.RetortAutoConfiguration;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of Retort's metrics and observations. Each step is instrumented once: with an
 * {@link ObservationRegistry} bean, an {@link ObservationMigrationListener} observes it, and Boot's
 * meter handler turns the observation into the {@value RetortMeters#MIGRATION} timer (a
 * {@link MigrationStepObservationConvention} bean replaces the names). With a {@link MeterRegistry}
 * bean, the {@link MigrationStatusGauges} report every {@link Retort} bean's pending revisions and
 * current heads. The listeners are {@code MigrationListener} beans, which the engine bean picks up.
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
		MigrationStatusGauges migrationStatusGauges(ListableBeanFactory beanFactory) {
			// Every Retort bean by name; each is fetched when first read, as the engines are built with
			// this listener.
			Map<String, Supplier<Retort>> retorts = new LinkedHashMap<>();
			for (String name : beanFactory.getBeanNamesForType(Retort.class)) {
				retorts.put(name, () -> beanFactory.getBean(name, Retort.class));
			}
			return new MigrationStatusGauges(retorts, MigrationStatusGauges.DEFAULT_TIME_TO_LIVE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
	@ConditionalOnBean({ Retort.class, ObservationRegistry.class })
	static class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ObservationMigrationListener observationMigrationListener(ObservationRegistry registry,
				ObjectProvider<MigrationStepObservationConvention> convention) {
			return new ObservationMigrationListener(registry, convention.getIfAvailable());
		}

	}

}
