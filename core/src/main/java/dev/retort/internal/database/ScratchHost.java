package dev.retort.internal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How one engine makes the throwaway databases autogenerate and check build their two schemas in:
 * what a database is called as a JDBC URL, and how it is created, dropped and listed. The caller
 * ({@code internal.schema.ScratchServer}) chooses the names ({@link #PREFIX}, the creation time and a
 * random part), drops the leftovers of killed runs, and turns a failure into a clear error. Get one
 * from {@link Database#scratchHost(String)}.
 */
public interface ScratchHost {

	/** The prefix of every scratch database name. */
	String PREFIX = "retort_scratch_";

	/** The JDBC URL of the scratch database {@code name} (which need not exist yet). */
	String urlOf(String name);

	/**
	 * Creates the empty database {@code name}.
	 * @throws SQLException when the server refuses (the user may not create databases)
	 */
	void create(String name, Connector connector) throws SQLException;

	/** Drops the database {@code name}, if it exists. */
	void drop(String name, Connector connector) throws SQLException;

	/**
	 * The names starting with {@link #PREFIX} of the databases that exist now; empty where scratch
	 * databases cannot outlive the process (in-memory ones).
	 */
	List<String> list(Connector connector) throws SQLException;

	/** The server as a JDBC URL, for messages (the maintenance database on PostgreSQL). */
	String serverUrl();

	/** What the user needs to be allowed, for the message when creating fails. */
	String createAdvice();

	/** Opens a connection to a JDBC URL with the scratch server's user and password. */
	@FunctionalInterface
	interface Connector {

		Connection connect(String url) throws SQLException;
	}
}
