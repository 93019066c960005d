package dev.retort.autoconfigure.testcontainers;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.JdbcDatabaseContainer;

import dev.retort.autoconfigure.RetortConnectionDetails;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A {@code @ServiceConnection} JDBC container yields {@link RetortConnectionDetails} through the factory
 * registered in {@code spring.factories}, next to Boot's own JDBC details. The container is a mock,
 * so this runs without Docker; Boot then hands the details to the auto-configuration like any
 * {@code RetortConnectionDetails} bean (see RetortAutoConfigurationTests).
 */
class RetortContainerConnectionDetailsFactoryTests {

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void jdbcContainerServiceConnectionFeedsRetort() throws Exception {
		JdbcDatabaseContainer<?> container = mock(JdbcDatabaseContainer.class);
		given(container.getJdbcUrl()).willReturn("jdbc:postgresql://127.0.0.1:49153/test?loggerLevel=OFF");
		given(container.getUsername()).willReturn("test");
		given(container.getPassword()).willReturn("secret");
		given(container.getDriverClassName()).willReturn("org.postgresql.Driver");
		ContainerConnectionSource<JdbcDatabaseContainer<?>> source = TestContainerConnectionSources
			.serviceConnection((Class) JdbcDatabaseContainer.class, "postgres:17-alpine", () -> container);

		Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(source, true);

		assertThat(details).containsKeys(RetortConnectionDetails.class, JdbcConnectionDetails.class);
		RetortConnectionDetails retort = (RetortConnectionDetails) details.get(RetortConnectionDetails.class);
		assertThat(retort).isInstanceOf(InitializingBean.class);
		((InitializingBean) retort).afterPropertiesSet();
		assertThat(retort.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:49153/test?loggerLevel=OFF");
		assertThat(retort.getUsername()).isEqualTo("test");
		assertThat(retort.getPassword()).isEqualTo("secret");
		assertThat(retort.getDriverClassName()).isEqualTo("org.postgresql.Driver");
	}

}
