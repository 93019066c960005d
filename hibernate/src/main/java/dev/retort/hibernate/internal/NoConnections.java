package dev.retort.hibernate.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * The connection provider Hibernate gets while it writes the script: it has none to give. The script is
 * produced from the mapping and the dialect alone, so any attempt to connect is a bug, and this makes it
 * fail loudly instead of reaching a database named in the project's settings.
 */
final class NoConnections implements ConnectionProvider {

	private static final long serialVersionUID = 1L;

	@Override
	public Connection getConnection() throws SQLException {
		throw new SQLException("retort-hibernate writes the create script offline and never connects");
	}

	@Override
	public void closeConnection(Connection connection) {
	}

	@Override
	public boolean supportsAggressiveRelease() {
		return false;
	}

	@Override
	public boolean isUnwrappableAs(Class<?> type) {
		return false;
	}

	@Override
	public <T> T unwrap(Class<T> type) {
		throw new UnsupportedOperationException("Cannot unwrap " + getClass().getName() + " as " + type.getName());
	}

}
