package dev.retort.autoconfigure;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.retort.CoreErrorCode;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code retort.connect-retries}, {@code retort.connect-retries-interval}, {@code retort.init-sqls}
 * and {@code retort.create-schemas}, on H2 and on the real PostgreSQL server.
 */
class ConnectionPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class));

	@Test
	void connectRetriesWaitForADatabaseThatStartsLate() {
		this.runner.withUserConfiguration(LateDatabaseConfiguration.class)
			.withPropertyValues("late.failures=3", "retort.connect-retries=3", "retort.connect-retries-interval=20ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Retort.class).current()).containsExactly("b2c3d4e5f6a7");
				LateDataSource late = context.getBean(LateDataSource.class);
				assertThat(late.failures.get()).isZero();
				// Once the database has answered, a failure is reported at once, not retried.
				late.failures.set(1);
				Retort retort = context.getBean(Retort.class);
				assertThatExceptionOfType(RetortException.class).isThrownBy(retort::status)
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.DATABASE_ERROR));
				assertThat(retort.status().upToDate()).isTrue();
			});
	}

	@Test
	void withoutEnoughRetriesStartupFails() {
		this.runner.withUserConfiguration(LateDatabaseConfiguration.class)
			.withPropertyValues("late.failures=50", "retort.connect-retries=1", "retort.connect-retries-interval=10ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(SQLTransientConnectionException.class)
				.hasMessageContaining("not up yet"));
	}

	@Test
	void initSqlsRunOnEveryMigrationConnectionOnPostgres() throws Exception {
		try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRES)) {
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA app");
			}
			this.runner.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
					"retort.user=" + database.user(), "retort.password=" + database.password(),
					"retort.init-sqls=SET search_path TO app,SET lock_timeout = '5s'")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
					// The revisions and Retort's tables went where the init SQL pointed the connection.
					assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables"
							+ " WHERE table_schema = 'app' ORDER BY table_name", String.class))
						.contains("retort_history", "retort_version", "things");
					assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
							+ " WHERE table_schema = 'public' AND table_name = 'things'", Integer.class)).isZero();
				});
		}
	}

	@Test
	void createSchemasCreatesTheMissingSchemaOnPostgres() {
		try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.runner.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
					"retort.schema=migrations")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
					assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables"
							+ " WHERE table_schema = 'migrations' ORDER BY table_name", String.class))
						.containsExactly("retort_history", "retort_version");
					assertThat(context.getBean(Retort.class).current()).containsExactly("b2c3d4e5f6a7");
				});
		}
	}

	@Test
	void createSchemasCreatesTheMissingDatabaseOnMariaDb() throws Exception {
		// On MariaDB a schema is a database of its own, outside the test database: dropped below.
		String schema = "retort_meta_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (TestDatabase database = TestDatabases.create(DatabaseKind.MARIADB)) {
			try {
				this.runner.withPropertyValues("spring.datasource.url=" + database.url(),
						"spring.datasource.username=" + database.user(),
						"spring.datasource.password=" + database.password(), "retort.schema=" + schema)
					.run((context) -> {
						assertThat(context).hasNotFailed();
						JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
						assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables"
								+ " WHERE table_schema = ?", String.class, schema))
							.contains("retort_version", "retort_history");
						assertThat(context.getBean(Retort.class).current()).containsExactly("b2c3d4e5f6a7");
					});
			}
			finally {
				try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS `" + schema + "`");
				}
			}
		}
	}

	@Test
	void createSchemasOnH2AndAnExistingSchemaIsLeftAlone() {
		String url = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.runner.withPropertyValues(url, "retort.schema=bookkeeping").run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables"
					+ " WHERE table_schema = 'BOOKKEEPING'", String.class)).contains("RETORT_VERSION", "RETORT_HISTORY");
		});
		this.runner.withPropertyValues(url, "retort.schema=bookkeeping")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void withoutCreateSchemasAMissingSchemaFailsStartup() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"retort.schema=nowhere", "retort.create-schemas=false")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class LateDatabaseConfiguration {

		@Bean
		LateDataSource dataSource(org.springframework.core.env.Environment environment) {
			DataSource h2 = DataSourceBuilder.create()
				.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
				.build();
			return new LateDataSource(h2, environment.getRequiredProperty("late.failures", Integer.class));
		}

	}

	/** A database that refuses its first connections, as one still starting in its container. */
	static final class LateDataSource implements DataSource {

		private final DataSource target;

		final AtomicInteger failures;

		LateDataSource(DataSource target, int failures) {
			this.target = target;
			this.failures = new AtomicInteger(failures);
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new SQLTransientConnectionException("Connection refused: the database is not up yet", "08001");
			}
			return this.target.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
