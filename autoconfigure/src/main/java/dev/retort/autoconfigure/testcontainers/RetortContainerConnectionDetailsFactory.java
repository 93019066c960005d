package dev.retort.autoconfigure.testcontainers;

import org.testcontainers.containers.JdbcDatabaseContainer;

import dev.retort.autoconfigure.RetortConnectionDetails;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Creates {@link RetortConnectionDetails} from a {@code @ServiceConnection} JDBC container (for
 * example a {@code PostgreSQLContainer} bean), so Retort migrates the container's database.
 */
class RetortContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<JdbcDatabaseContainer<?>, RetortConnectionDetails> {

	@Override
	protected RetortConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
		return new ContainerRetortConnectionDetails(source);
	}

	/** {@link RetortConnectionDetails} read from a started container. */
	private static final class ContainerRetortConnectionDetails
			extends ContainerConnectionDetails<JdbcDatabaseContainer<?>> implements RetortConnectionDetails {

		private ContainerRetortConnectionDetails(ContainerConnectionSource<JdbcDatabaseContainer<?>> source) {
			super(source);
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getDriverClassName() {
			return getContainer().getDriverClassName();
		}

	}

}
