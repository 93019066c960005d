package dev.retort.autoconfigure;

import javax.sql.DataSource;

import dev.retort.Migration;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Auto-configuration for Retort: a {@link Retort} bean over the migration DataSource, and a
 * {@link RetortMigrationInitializer} that migrates the database at startup before the beans that
 * use it. Active when the engine is on the classpath, there is a DataSource (or {@code retort.url}),
 * and {@code retort.enabled} is not false.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Retort.class)
@Conditional(RetortAutoConfiguration.DataSourceAvailableCondition.class)
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@Import(DatabaseInitializationDependencyConfigurer.class)
@EnableConfigurationProperties(RetortProperties.class)
@ImportRuntimeHints(RetortRuntimeHints.class)
public final class RetortAutoConfiguration {

	/** The actor recorded in the history table when {@code spring.application.name} is not set. */
	static final String DEFAULT_ACTOR = "application";

	@Bean
	static RetortSchemaManagementProvider retortSchemaManagementProvider(
			ObjectProvider<MigrationDataSource> migrationDataSources) {
		return new RetortSchemaManagementProvider(migrationDataSources);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Retort.class)
	static class RetortEngineConfiguration {

		@Bean
		@ConditionalOnMissingBean(RetortConnectionDetails.class)
		PropertiesRetortConnectionDetails retortConnectionDetails(RetortProperties properties) {
			return new PropertiesRetortConnectionDetails(properties);
		}

		@Bean
		MigrationDataSource retortMigrationDataSource(RetortConnectionDetails connectionDetails,
				ObjectProvider<DataSource> dataSource, @RetortDataSource ObjectProvider<DataSource> retortDataSource) {
			return MigrationDataSource.select(retortDataSource.getIfAvailable(), dataSource.getIfUnique(),
					connectionDetails);
		}

		@Bean
		Retort retort(RetortProperties properties, MigrationDataSource migrationDataSource,
				ResourceLoader resourceLoader, Environment environment, ObjectProvider<Migration> migrations,
				ObjectProvider<MigrationListener> listeners,
				ObjectProvider<RetortConfigurationCustomizer> customizers) {
			ClassLoader classLoader = resourceLoader.getClassLoader();
			RetortConfiguration configuration = (classLoader != null) ? Retort.configure(classLoader)
					: Retort.configure();
			configuration.dataSource(MigrationConnections.of(migrationDataSource.dataSource(), properties))
				.locations(properties.getLocations())
				.versionTable(properties.getVersionTable())
				.historyTable(properties.getHistoryTable())
				.schema(properties.getSchema())
				.createSchemas(properties.isCreateSchemas())
				.transactionPerRevision(properties.isTransactionPerRevision())
				.lockTimeout(properties.getLockTimeout())
				.validateChecksums(properties.isValidateChecksums())
				// Open the first connection while revisions load, when start-up will use it right after.
				.connectAhead(properties.getOnStartup() != RetortProperties.OnStartup.NONE)
				.actor(environment.getProperty("spring.application.name", DEFAULT_ACTOR))
				// Spring's resolver lists classpath locations: executable jars, vfs:, native images.
				.locationScanner(
						new SpringLocationScanner(ResourcePatternUtils.getResourcePatternResolver(resourceLoader)))
				.javaMigrations(migrations.orderedStream().toList());
			if (!properties.getScanPackages().isEmpty()) {
				configuration.scanPackages(properties.getScanPackages().toArray(String[]::new));
			}
			listeners.orderedStream().forEach(configuration::listener);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(configuration));
			return configuration.load();
		}

		@Bean
		@ConditionalOnMissingBean
		RetortMigrationInitializer retortMigrationInitializer(Retort retort, RetortProperties properties,
				MigrationDataSource migrationDataSource, ObjectProvider<RetortMigrationStrategy> migrationStrategy) {
			RetortMigrationStrategy strategy = migrationStrategy.getIfAvailable(() -> new StartupMigrationStrategy(
					properties.getOnStartup(), properties.getTarget(), properties.isValidateChecksums()));
			RetortMigrationInitializer initializer = new RetortMigrationInitializer(retort, strategy);
			return initializer;
		}

	}

	/** Retort needs a database: a DataSource bean, JDBC connection details, or {@code retort.url}. */
	static final class DataSourceAvailableCondition extends AnyNestedCondition {

		DataSourceAvailableCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnBean(RetortConnectionDetails.class)
		private static final class RetortConnectionDetailsCondition {

		}

		@ConditionalOnProperty("retort.url")
		private static final class RetortUrlCondition {

		}

	}

}
