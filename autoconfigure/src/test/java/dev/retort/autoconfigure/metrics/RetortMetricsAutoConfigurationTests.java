package dev.retort.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.autoconfigure.RetortAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Retort's metrics and observations: present only with a meter or observation registry, fed by the
 * engine's steps (the listeners are beans the engine picks up), with the documented names and tags.
 */
class RetortMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class,
				RetortMetricsAutoConfiguration.class))
		.withPropertyValues("retort.locations=classpath:db/actuator");

	private ApplicationContextRunner freshDatabase() {
		return this.runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID()
				+ ";DB_CLOSE_DELAY=-1");
	}

	@Test
	void withoutRegistriesNothingIsAdded() {
		freshDatabase().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MetricsMigrationListener.class)
				.doesNotHaveBean(MigrationStatusGauges.class)
				.doesNotHaveBean(ObservationMigrationListener.class);
		});
	}

	@Test
	void everyStartupStepIsTimedWithRevisionDirectionAndOutcome() {
		freshDatabase().withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			for (String revision : List.of("aa00000000a1", "bb00000000b2", "cc00000000c3")) {
				Timer timer = registry.get(RetortMeters.MIGRATION)
					.tag(RetortMeters.REVISION, revision)
					.tag(RetortMeters.DIRECTION, "upgrade")
					.tag(RetortMeters.OUTCOME, RetortMeters.SUCCESS)
					.timer();
				assertThat(timer.count()).isEqualTo(1);
			}
			context.getBean(MigrationStatusGauges.class).bindTo(registry);
			assertThat(registry.get(RetortMeters.REVISIONS_PENDING).gauge().value()).isZero();
			assertThat(registry.get(RetortMeters.HEADS_CURRENT).gauge().value()).isEqualTo(1);
			context.getBean(Retort.class).downgrade("aa00000000a1");
			assertThat(registry.get(RetortMeters.REVISIONS_PENDING).gauge().value()).isEqualTo(2);
			assertThat(registry.get(RetortMeters.MIGRATION)
				.tag(RetortMeters.DIRECTION, "downgrade")
				.timers()).hasSize(2);
		});
	}

	@Test
	void failedStepIsTimedAsFailed() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"retort.on-startup=none")
			.run((context) -> {
				Retort retort = context.getBean(Retort.class);
				retort.upgrade("bb00000000b2");
				try (var connection = context.getBean(javax.sql.DataSource.class).getConnection();
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
	void everyStepIsObserved() {
		freshDatabase().withUserConfiguration(ObservationRegistryConfiguration.class).run((context) -> {
			RecordingHandler handler = context.getBean(RecordingHandler.class);
			assertThat(handler.stopped).containsExactly("retort upgrade aa00000000a1 revision=aa00000000a1",
					"retort upgrade bb00000000b2 revision=bb00000000b2",
					"retort upgrade cc00000000c3 revision=cc00000000c3");
			assertThat(context.getBean(Retort.class).current()).containsExactly("cc00000000c3");
		});
	}

	@Test
	void aTrackerBeanReplacesMicrometers() {
		freshDatabase().withUserConfiguration(MeterRegistryConfiguration.class, TrackerConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(RecordingTracker.class).steps).hasSize(3)
					.allMatch((step) -> step.endsWith(" upgrade success"));
				assertThat(context.getBean(MeterRegistry.class).find(RetortMeters.MIGRATION).timers()).isEmpty();
				assertThat(context.getBeansOfType(MigrationListener.class)).containsKey("metricsMigrationListener");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

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
	static class TrackerConfiguration {

		@Bean
		RecordingTracker recordingTracker() {
			return new RecordingTracker();
		}

	}

	static final class RecordingTracker implements MigrationMetricsTracker {

		final List<String> steps = new CopyOnWriteArrayList<>();

		@Override
		public void recordStep(String revision, String direction, String outcome, Duration duration) {
			this.steps.add(revision + " " + direction + " " + outcome);
		}

	}

	static final class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<String> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			if (context.getName().equals(RetortMeters.STEP_OBSERVATION)) {
				this.stopped.add(context.getContextualName() + " revision="
						+ context.getLowCardinalityKeyValue(RetortMeters.REVISION).getValue());
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
