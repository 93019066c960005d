package dev.retort.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.AppliedStep;
import dev.retort.CoreErrorCode;
import dev.retort.Migration;
import dev.retort.MigrationListener;
import dev.retort.Operations;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.testing.CountingDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's conditions and back-offs, and what the auto-configured engine does at
 * startup, on embedded H2 databases (one per test) and one SQLite file.
 */
class RetortAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class));

	private final ApplicationContextRunner withDataSource = this.contextRunner
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void backsOffWithoutDataSource() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Retort.class);
			assertThat(context).doesNotHaveBean(RetortMigrationInitializer.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.withDataSource.withPropertyValues("retort.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Retort.class);
			assertThat(context).doesNotHaveBean(RetortProperties.class);
		});
	}

	@Test
	void backsOffWithoutEngineOnClasspath() {
		this.withDataSource.withClassLoader(new FilteredClassLoader(Retort.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(RetortMigrationInitializer.class);
			assertThat(context).doesNotHaveBean(RetortProperties.class);
		});
	}

	@Test
	void migratesASqliteDataSourceAtStartup(@TempDir Path folder) {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + folder.resolve("app.db").toAbsolutePath())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT name FROM things", String.class)).containsExactly("first thing");
				Retort retort = context.getBean(Retort.class);
				assertThat(retort.current()).containsExactly("b2c3d4e5f6a7");
				assertThat(retort.appliedHistory(10)).extracting(AppliedStep::actor).containsOnly("application");
			});
	}

	@Test
	void migratesApplicationDataSourceAtStartup() {
		this.withDataSource.run((context) -> {
			assertThat(context).hasSingleBean(Retort.class);
			assertThat(context).hasSingleBean(RetortMigrationInitializer.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForList("SELECT name FROM things", String.class)).containsExactly("first thing");
			assertThat(jdbc.queryForList("SELECT version_num FROM retort_version", String.class))
				.containsExactly("b2c3d4e5f6a7");
			Retort retort = context.getBean(Retort.class);
			assertThat(retort.current()).containsExactly("b2c3d4e5f6a7");
			assertThat(retort.appliedHistory(10)).extracting(AppliedStep::actor).containsOnly("application");
		});
	}

	@Test
	void recordsApplicationNameAsActor() {
		this.withDataSource.withPropertyValues("spring.application.name=inventory").run((context) -> {
			Retort retort = context.getBean(Retort.class);
			assertThat(retort.appliedHistory(10)).isNotEmpty()
				.extracting(AppliedStep::actor)
				.containsOnly("inventory");
		});
	}

	@Test
	void appliesPropertiesToEngine() {
		this.withDataSource
			.withPropertyValues("retort.version-table=app_version", "retort.history-table=app_history",
					"retort.target=a1b2c3d4e5f6")
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT version_num FROM app_version", String.class))
					.containsExactly("a1b2c3d4e5f6");
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_history", Integer.class)).isEqualTo(1);
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM things", Integer.class)).isZero();
			});
	}

	@Test
	void onStartupNoneLeavesDatabaseAlone() {
		this.withDataSource.withPropertyValues("retort.on-startup=none").run((context) -> {
			assertThat(context).hasSingleBean(RetortMigrationInitializer.class);
			assertThat(tableCount(context.getBean(DataSource.class), "THINGS")).isZero();
			assertThat(context.getBean(Retort.class).pending()).hasSize(2);
		});
	}

	@Test
	void startupUpgradeUsesTheConnectionOpenedAheadWhileRevisionsLoad() {
		CountingDataSource counting = new CountingDataSource(h2DataSource());
		this.contextRunner.withBean(DataSource.class, counting::dataSource).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tableCount(context.getBean(DataSource.class), "THINGS")).isOne();
			// The run's connection (opened ahead) and the H2 lock row's own; no third. Then tableCount's.
			assertThat(counting.count()).isEqualTo(3);
		});
	}

	@Test
	void onStartupNoneOpensNoConnectionAhead() {
		CountingDataSource counting = new CountingDataSource(h2DataSource());
		this.contextRunner.withBean(DataSource.class, counting::dataSource)
			.withPropertyValues("retort.on-startup=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Thread.sleep(300);
				assertThat(counting.count()).isZero();
			});
	}

	private static DataSource h2DataSource() {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.username("sa")
			.password("")
			.build();
	}

	@Test
	void onStartupValidateFailsWhenRevisionsArePending() {
		this.withDataSource.withPropertyValues("retort.on-startup=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(RetortException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.PENDING_REVISIONS))
				.hasMessageContaining("a1b2c3d4e5f6");
		});
	}

	@Test
	void onStartupValidatePassesOnMigratedDatabase() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		ApplicationContextRunner runner = this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + url);
		runner.run((context) -> assertThat(context).hasNotFailed());
		runner.withPropertyValues("retort.on-startup=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Retort.class).status().upToDate()).isTrue();
		});
	}

	@Test
	void userStrategyReplacesDefaultBehaviour() {
		this.withDataSource.withUserConfiguration(RecordingStrategyConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			RecordingStrategy strategy = context.getBean(RecordingStrategy.class);
			assertThat(strategy.seen).containsExactly(context.getBean(Retort.class));
			assertThat(tableCount(context.getBean(DataSource.class), "THINGS")).isZero();
		});
	}

	@Test
	void userInitializerReplacesAutoConfiguredOne() {
		this.withDataSource.withUserConfiguration(OwnInitializerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(RetortMigrationInitializer.class);
			assertThat(context).getBean(RetortMigrationInitializer.class)
				.isSameAs(context.getBean(OwnInitializerConfiguration.class).initializer);
			// the user's initializer upgrades only to the first revision
			assertThat(context.getBean(Retort.class).current()).containsExactly("a1b2c3d4e5f6");
		});
	}

	@Test
	void userRetortBeanDisablesStartupMigration() {
		this.withDataSource.withUserConfiguration(OwnRetortConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Retort.class);
			assertThat(context).doesNotHaveBean(RetortMigrationInitializer.class);
			assertThat(tableCount(context.getBean(DataSource.class), "THINGS")).isZero();
		});
	}

	@Test
	void retortDataSourceIsMigratedInsteadOfApplicationDataSource() {
		this.withDataSource.withUserConfiguration(RetortDataSourceConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			DataSource primary = context.getBean("primaryDataSource", DataSource.class);
			DataSource migrated = context.getBean("migrationDataSource", DataSource.class);
			assertThat(tableCount(migrated, "THINGS")).isOne();
			assertThat(tableCount(primary, "THINGS")).isZero();
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(migrated)).isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(primary)).isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void retortUrlMigratesSeparateDatabase() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.withDataSource.withPropertyValues("retort.url=" + url, "retort.user=sa", "retort.password=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource separate = DataSourceBuilder.create()
					.type(SimpleDriverDataSource.class)
					.url(url)
					.username("sa")
					.build();
				assertThat(tableCount(separate, "THINGS")).isOne();
				DataSource application = context.getBean(DataSource.class);
				assertThat(tableCount(application, "THINGS")).isZero();
				assertThat(context.getBean(SchemaManagementProvider.class).getSchemaManagement(application))
					.isEqualTo(SchemaManagement.UNMANAGED);
			});
	}

	@Test
	void retortUserAloneReusesApplicationUrlWithOtherCredentials() {
		this.withDataSource.withPropertyValues("retort.user=SA", "retort.password=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationDataSource.class).dataSource())
				.isInstanceOf(SimpleDriverDataSource.class);
			DataSource application = context.getBean(DataSource.class);
			assertThat(tableCount(application, "THINGS")).isOne();
			assertThat(context.getBean(SchemaManagementProvider.class).getSchemaManagement(application))
				.isEqualTo(SchemaManagement.MANAGED);
		});
	}

	@Test
	void retortUrlAloneIsEnoughWithoutDataSourceBean() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withPropertyValues("retort.url=" + url, "retort.user=sa").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DataSource.class);
			assertThat(context.getBean(Retort.class).current()).containsExactly("b2c3d4e5f6a7");
		});
	}

	@Test
	void connectionDetailsBeanFeedsRetort() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.withDataSource.withBean(RetortConnectionDetails.class, () -> new FixedConnectionDetails(url))
			.run((context) -> {
				assertThat(context).hasSingleBean(RetortConnectionDetails.class);
				assertThat(context).doesNotHaveBean(PropertiesRetortConnectionDetails.class);
				DataSource fromDetails = DataSourceBuilder.create()
					.type(SimpleDriverDataSource.class)
					.url(url)
					.username("sa")
					.build();
				assertThat(tableCount(fromDetails, "THINGS")).isOne();
				assertThat(tableCount(context.getBean(DataSource.class), "THINGS")).isZero();
			});
	}

	@Test
	void applicationDataSourceIsManagedSchema() {
		this.withDataSource.run((context) -> {
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
		});
	}

	@Test
	void customizerAdjustsConfiguration() {
		this.withDataSource
			.withBean(RetortConfigurationCustomizer.class,
					() -> (configuration) -> configuration.versionTable("customized_version"))
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT version_num FROM customized_version", String.class))
					.containsExactly("b2c3d4e5f6a7");
				assertThat(tableCount(context.getBean(DataSource.class), "RETORT_VERSION")).isZero();
			});
	}

	@Test
	void migrationBeansJoinTheGraph() {
		this.withDataSource.withBean(ThirdThing.class).run((context) -> {
			Retort retort = context.getBean(Retort.class);
			assertThat(retort.current()).containsExactly("c3d4e5f6a7b8");
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForList("SELECT name FROM things ORDER BY id", String.class))
				.containsExactly("first thing", "from a bean");
		});
	}

	@Test
	void listenerBeansHearEverySteps() {
		this.withDataSource.withBean(RecordingListener.class).run((context) -> {
			assertThat(context.getBean(RecordingListener.class).revisions).containsExactly("a1b2c3d4e5f6",
					"b2c3d4e5f6a7");
		});
	}

	private static int tableCount(DataSource dataSource, String table) {
		return new JdbcTemplate(dataSource).queryForObject(
				"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?", Integer.class, table);
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingStrategyConfiguration {

		@Bean
		RecordingStrategy recordingStrategy() {
			return new RecordingStrategy();
		}

	}

	static class RecordingStrategy implements RetortMigrationStrategy {

		final List<Retort> seen = new ArrayList<>();

		@Override
		public void migrate(Retort retort) {
			this.seen.add(retort);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnInitializerConfiguration {

		RetortMigrationInitializer initializer;

		@Bean
		RetortMigrationInitializer ownInitializer(Retort retort) {
			this.initializer = new RetortMigrationInitializer(retort, (engine) -> engine.upgrade("a1b2c3d4e5f6"));
			return this.initializer;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRetortConfiguration {

		@Bean
		Retort ownRetort(DataSource dataSource) {
			return Retort.configure().dataSource(dataSource).load();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RetortDataSourceConfiguration {

		@Bean
		@Primary
		DataSource primaryDataSource() {
			return h2("primary");
		}

		@Bean
		@RetortDataSource
		DataSource migrationDataSource() {
			return h2("migration");
		}

		private static DataSource h2(String name) {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
				.username("sa")
				.build();
		}

	}

	record FixedConnectionDetails(String url) implements RetortConnectionDetails {

		@Override
		public String getUsername() {
			return "sa";
		}

		@Override
		public String getPassword() {
			return "";
		}

		@Override
		public String getJdbcUrl() {
			return this.url;
		}

	}

	@Revision(id = "c3d4e5f6a7b8", revises = "b2c3d4e5f6a7", message = "a thing from a bean")
	static class ThirdThing implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO things (id, name) VALUES (?, ?)", 2, "from a bean");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DELETE FROM things WHERE id = ?", 2);
		}

	}

	static class RecordingListener implements MigrationListener {

		final List<String> revisions = new ArrayList<>();

		@Override
		public void afterStep(StepEvent step, java.time.Duration duration) {
			this.revisions.add(step.revision());
		}

	}

}
