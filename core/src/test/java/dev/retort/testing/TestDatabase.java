package dev.retort.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A database created for one test. {@link #close()} drops it.
 *
 * @param kind the database kind
 * @param name the database name
 * @param url the JDBC URL of this database
 * @param user the user
 * @param password the password
 * @param dropper drops the database
 */
public record TestDatabase(DatabaseKind kind, String name, String url, String user, String password,
		Dropper dropper) implements AutoCloseable {

	/** Opens a new connection. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/** A plain non-pooling DataSource over {@link #connect()}. */
	public DataSource dataSource() {
		return new SimpleDataSource();
	}

	@Override
	public void close() {
		try {
			this.dropper.drop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot drop test database " + this.name, ex);
		}
	}

	@Override
	public String toString() {
		return this.kind + ":" + this.name;
	}

	/** Drops the database. */
	@FunctionalInterface
	public interface Dropper {

		void drop() throws Exception;
	}

	private final class SimpleDataSource implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			return connect();
		}

		@Override
		public Connection getConnection(String username, String pass) throws SQLException {
			return DriverManager.getConnection(TestDatabase.this.url, username, pass);
		}

		@Override
		public PrintWriter getLogWriter() {
			return new PrintWriter(System.err);
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
		public <T> T unwrap(Class<T> iface) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return false;
		}
	}
}
