package dev.retort.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers fallback, used only when no server URL is configured and Docker is available. */
final class Containers {

	private Containers() {
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/** Starts a container for the JVM's lifetime (Ryuk removes it) and returns an admin URL. */
	@SuppressWarnings("resource")
	static String start(DatabaseKind kind) {
		JdbcDatabaseContainer<?> container = switch (kind) {
			case POSTGRES -> new PostgreSQLContainer("postgres:16-alpine");
			case MARIADB -> new MariaDBContainer("mariadb:11").withUsername("root").withPassword("");
			case H2, SQLITE -> throw new IllegalArgumentException(kind + " needs no container");
		};
		container.start();
		String sep = container.getJdbcUrl().contains("?") ? "&" : "?";
		return container.getJdbcUrl() + sep + "user=" + container.getUsername() + "&password="
				+ container.getPassword();
	}
}
