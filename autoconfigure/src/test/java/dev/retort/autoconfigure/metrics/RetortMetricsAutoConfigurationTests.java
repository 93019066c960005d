package dev.retort.autoconfigure.metrics;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.autoconfigure.RetortAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Retort's metrics and observations with Boot's own metrics and observation auto-configuration:
 * each step is observed once, and Boot's meter handler turns the observation into the one
 * {@value RetortMeters#MIGRATION} timer; the gauges report every Retort bean.
 */
class RetortMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class,
				RetortMetricsAutoConfiguration.class))
		.withPropertyValues("retort.locations=classpath:db/actuator");

	private final ApplicationContextRunner withBootMetrics = this.runner
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	private static String freshUrl() {
		return "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	@Test
	void withoutRegistriesNothingIsAdded() {
		this.runner.withPropertyValues(freshUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MigrationStatusGauges.class)
				.doesNotHaveBean(ObservationMigrationListener.class);
		});
	}

	@Test
	void everyStepIsTimedOnceWithRevisionDirectionAndOutcome() {
		this.withBootMetrics.withPropertyValues(freshUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (String revision : List.of("aa00000000a1", "bb00000000b2", "cc00000000c3")) {
				Timer timer = registry.get(RetortMeters.MIGRATION)
					.tag(RetortMeters.REVISION, revision)
					.tag(RetortMeters.DIRECTION, "upgrade")
					.tag(RetortMeters.OUTCOME, RetortMeters.SUCCESS)
					.timer();
				assertThat(timer.count()).isEqualTo(1);
			}
			// One instrumentation path: no second timer for the same steps.
			assertThat(registry.find(RetortMeters.MIGRATION).timers()).hasSize(3);
			assertThat(registry.getMeters()).noneMatch((meter) -> meter.getId().getName().equals("retort.migration.step"));
			assertThat(registry.get(RetortMeters.REVISIONS_PENDING).tag(RetortMeters.BEAN, "retort").gauge().value())
				.isZero();
			assertThat(registry.get(RetortMeters.HEADS_CURRENT).gauge().value()).isEqualTo(1);
			context.getBean(Retort.class).downgrade("aa00000000a1");
			assertThat(registry.get(RetortMeters.REVISIONS_PENDING).gauge().value()).isEqualTo(2);
			assertThat(registry.get(RetortMeters.MIGRATION).tag(RetortMeters.DIRECTION, "downgrade").timers())
				.hasSize(2);
		});
	}

	@Test
	void failedStepIsTimedAsFailed() {
		this.withBootMetrics.withPropertyValues(freshUrl(), "retort.on-startup=none").run((context) -> {
			Retort retort = context.getBean(Retort.class);
			retort.upgrade("bb00000000b2");
			try (var connection = context.getBean(DataSource.class).getConnection();
					var statement = connection.createStatement()) {
				// The next revision's index cannot be created over an existing one.
				statement.execute("CREATE INDEX ix_widgets_colour ON widgets (name)");
			}
			assertThatException().isThrownBy(() -> retort.upgrade("heads"));
			Timer failed = context.getBean(MeterRegistry.class)
				.get(RetortMeters.MIGRATION)
				.tag(RetortMeters.REVISION, "cc00000000c3")
				.tag(RetortMeters.OUTCOME, RetortMeters.FAILED)
				.timer();
			assertThat(failed.count()).isEqualTo(1);
		});
	}

	@Test
	void everyStepIsObservedInScopeWithTheDefaultConvention() {
		this.runner.withPropertyValues(freshUrl()).withUserConfiguration(ObservationRegistryConfiguration.class)
			.run((context) -> {
				RecordingHandler handler = context.getBean(RecordingHandler.class);
				assertThat(handler.stopped).containsExactly(
						"retort.migration: retort upgrade aa00000000a1 revision=aa00000000a1 outcome=success",
						"retort.migration: retort upgrade bb00000000b2 revision=bb00000000b2 outcome=success",
						"retort.migration: retort upgrade cc00000000c3 revision=cc00000000c3 outcome=success");
				assertThat(context.getBean(Retort.class).current()).containsExactly("cc00000000c3");
			});
	}

	@Test
	void aConventionBeanReplacesTheNames() {
		this.withBootMetrics.withPropertyValues(freshUrl()).withUserConfiguration(ConventionConfiguration.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find(RetortMeters.MIGRATION).timers()).isEmpty();
				Timer timer = registry.get("schema.step").tag("step", "upgrade").timer();
				assertThat(timer.count()).isEqualTo(3);
			});
	}

	@Test
	void gaugesReportEveryRetortBean() {
		this.withBootMetrics.withUserConfiguration(TwoDatabasesConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(RetortMeters.REVISIONS_PENDING).tag(RetortMeters.BEAN, "ordersRetort").gauge()
				.value()).isEqualTo(3);
			assertThat(registry.get(RetortMeters.REVISIONS_PENDING).tag(RetortMeters.BEAN, "retort").gauge().value())
				.isZero();
			assertThat(registry.get(RetortMeters.HEADS_CURRENT).tag(RetortMeters.BEAN, "ordersRetort").gauge()
				.value()).isZero();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationRegistryConfiguration {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

		@Bean
		ObservationRegistry observationRegistry(RecordingHandler handler) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(handler);
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConventionConfiguration {

		@Bean
		MigrationStepObservationConvention customConvention() {
			return new MigrationStepObservationConvention() {

				@Override
				public String getName() {
					return "schema.step";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(MigrationStepContext context) {
					return KeyValues.of("step", context.getDirection());
				}

			};
		}

	}

	/** The application's database (auto-configured engine) and a second one with its own engine. */
	@Configuration(proxyBeanMethods = false)
	static class TwoDatabasesConfiguration {

		@Bean
		@Primary
		DataSource dataSource() {
			return DataSourceBuilder.create().url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
		}

		@Bean
		Retort retort(DataSource dataSource) {
			Retort retort = Retort.configure().dataSource(dataSource).locations("classpath:db/actuator").load();
			retort.upgrade("heads");
			return retort;
		}

		@Bean
		Retort ordersRetort() {
			DataSource orders = DataSourceBuilder.create()
				.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
				.build();
			return Retort.configure().dataSource(orders).locations("classpath:db/actuator").load();
		}

	}

	static final class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<String> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			if (context instanceof MigrationStepContext) {
				this.stopped.add(context.getName() + ": " + context.getContextualName() + " revision="
						+ context.getLowCardinalityKeyValue(RetortMeters.REVISION).getValue() + " outcome="
						+ context.getLowCardinalityKeyValue(RetortMeters.OUTCOME).getValue());
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
