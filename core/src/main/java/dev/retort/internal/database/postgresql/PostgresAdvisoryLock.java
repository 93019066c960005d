package dev.retort.internal.database.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.retort.internal.database.SessionLock;

/**
 * PostgreSQL: a session-level advisory lock, polled with {@code pg_try_advisory_lock} so that a
 * waiter never blocks inside a statement or a transaction. It dies with the session, so a crashed
 * migrator leaves nothing behind. The key is derived from the database's schema and version table
 * name, so two version tables in one database lock independently.
 */
public final class PostgresAdvisoryLock extends SessionLock<Long> {

	private final String schema;

	private final String versionTable;

	public PostgresAdvisoryLock(String schema, String versionTable) {
		this.schema = schema;
		this.versionTable = versionTable;
	}

	/** A stable 64-bit key for a schema and version table. */
	public static long key(String schema, String versionTable) {
		byte[] digest = sha256("retort\0" + schema + "\0" + versionTable);
		long key = 0;
		for (int i = 0; i < Long.BYTES; i++) {
			key = (key << 8) | (digest[i] & 0xFF); // the first eight bytes, big-endian
		}
		return key;
	}

	@Override
	protected Key<Long> key(Connection connection) {
		String scope = this.schema.isEmpty()
				? queryName(connection, "SELECT current_schema()", "public", "read the current schema") : this.schema;
		return new Key<>(key(scope, this.versionTable), scope);
	}

	@Override
	protected String describe(Key<Long> key) {
		return "PostgreSQL advisory lock " + key.value() + " for " + key.scope() + "." + this.versionTable;
	}

	@Override
	protected String releaseSql() {
		return "SELECT pg_advisory_unlock(?)";
	}

	@Override
	protected void bind(PreparedStatement statement, Long key) throws SQLException {
		statement.setLong(1, key);
	}

	@Override
	protected String tryLockSql() {
		return "SELECT pg_try_advisory_lock(?)";
	}

	@Override
	protected String holder(Connection connection, Long key) {
		String sql = "SELECT a.pid, a.application_name, a.client_addr, a.client_hostname, a.usename, a.backend_start"
				+ " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
				+ " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
				+ " AND l.classid::bigint = ? AND l.objid::bigint = ?"
				+ " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return "another session (it released the lock while we looked)";
				}
				StringBuilder who = new StringBuilder("PostgreSQL backend pid ").append(rs.getInt(1));
				String application = rs.getString(2);
				if (application != null && !application.isEmpty()) {
					who.append(", application_name '").append(application).append('\'');
				}
				String address = rs.getString(3);
				String hostname = rs.getString(4);
				if (address != null || hostname != null) {
					who.append(", client ").append((hostname != null) ? hostname : address);
				}
				who.append(", user ").append(rs.getString(5));
				who.append(", connected since ").append(rs.getString(6));
				return who.toString();
			}
		}
		catch (SQLException ex) {
			return "another session (pg_locks is not readable: " + ex.getMessage() + ")";
		}
	}
}
