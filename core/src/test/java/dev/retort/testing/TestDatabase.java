package dev.retort.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.retort.internal.execution.DriverManagerDataSource;

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

	/** A plain non-pooling DataSource for this database. */
	public DataSource dataSource() {
		return new DriverManagerDataSource(this.url, this.user, this.password);
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
}
