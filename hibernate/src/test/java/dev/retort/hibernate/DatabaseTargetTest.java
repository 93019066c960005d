package dev.retort.hibernate;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine and version from a connection's metadata. */
class DatabaseTargetTest {

	@Test
	void readsProductAndVersionFromTheConnection() {
		DatabaseTarget target = DatabaseTarget.from(connection("MariaDB", 10, 11, "10.11.19-MariaDB"));

		assertThat(target).isEqualTo(new DatabaseTarget(DatabaseEngine.MARIADB, 10, 11, "10.11.19-MariaDB"));
		assertThat(target).hasToString("MariaDB 10.11");
	}

	@Test
	void anEngineWithoutAScriptIsATypedError() {
		assertThatThrownBy(() -> DatabaseTarget.from(connection("Oracle", 23, 0, "23.4")))
			.isInstanceOfSatisfying(JpaModelException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(JpaModelException.Code.UNSUPPORTED_DATABASE))
			.hasMessageContaining("Database product 'Oracle' is not supported");
	}

	private static Connection connection(String product, int major, int minor, String version) {
		DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(getLoader(),
				new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getDatabaseProductName" -> product;
					case "getDatabaseMajorVersion" -> major;
					case "getDatabaseMinorVersion" -> minor;
					case "getDatabaseProductVersion" -> version;
					default -> throw new UnsupportedOperationException(method.getName());
				});
		return (Connection) Proxy.newProxyInstance(getLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().equals("getMetaData")) {
						return meta;
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

	private static ClassLoader getLoader() {
		return DatabaseTargetTest.class.getClassLoader();
	}

}
