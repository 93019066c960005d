package dev.retort.internal.database.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import dev.retort.internal.database.SessionLock;

/**
 * MySQL and MariaDB: a named lock, polled with {@code GET_LOCK(name, 0)} so a waiter never blocks
 * inside a statement. Named locks are server-wide and end with the session, so the name is
 * derived from the database and version table, and a crashed migrator leaves nothing behind.
 */
public final class MySqlNamedLock extends SessionLock<String> {

	private final String schema;

	private final String versionTable;

	public MySqlNamedLock(String schema, String versionTable) {
		this.schema = schema;
		this.versionTable = versionTable;
	}

	/** A lock name at most 64 characters long (MySQL's limit) for a database and version table. */
	public static String name(String database, String versionTable) {
		return "retort_" + HexFormat.of().formatHex(sha256(database + "\0" + versionTable), 0, 20);
	}

	@Override
	protected Key<String> key(Connection connection) {
		String scope = this.schema.isEmpty() ? queryName(connection, "SELECT DATABASE()", "", "read the current database")
				: this.schema;
		return new Key<>(name(scope, this.versionTable), scope);
	}

	@Override
	protected String describe(Key<String> key) {
		return "named lock '" + key.value() + "' for " + key.scope() + "." + this.versionTable;
	}

	@Override
	protected String releaseSql() {
		return "SELECT RELEASE_LOCK(?)";
	}

	@Override
	protected void bind(PreparedStatement statement, String key) throws SQLException {
		statement.setString(1, key);
	}

	@Override
	protected String tryLockSql() {
		return "SELECT GET_LOCK(?, 0)";
	}

	@Override
	protected String holder(Connection connection, String name) {
		try {
			long id;
			try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
				statement.setString(1, name);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					id = rs.getLong(1);
					if (rs.wasNull()) {
						return "another session (it released the lock while we looked)";
					}
				}
			}
			StringBuilder who = new StringBuilder("connection id ").append(id);
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT USER, HOST, DB, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
				statement.setLong(1, id);
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next()) {
						who.append(" (user ").append(rs.getString(1)).append(", host ").append(rs.getString(2))
							.append(", database ").append(rs.getString(3)).append(", ").append(rs.getLong(4))
							.append(" s in current command)");
					}
				}
			}
			catch (SQLException ex) {
				// The process list may not be visible to this user; the id alone still helps.
			}
			return who.toString();
		}
		catch (SQLException ex) {
			return "another session (IS_USED_LOCK failed: " + ex.getMessage() + ")";
		}
	}
}
