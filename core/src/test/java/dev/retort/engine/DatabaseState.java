package dev.retort.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.retort.testing.TestDatabase;

/** Reads what tests assert on straight from the database, bypassing Retort. */
public final class DatabaseState {

	private DatabaseState() {
	}

	/** All values of the first column of a query, as strings. */
	public static List<String> column(TestDatabase db, String sql) {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** The version rows, sorted. */
	public static List<String> versionRows(TestDatabase db) {
		List<String> rows = new ArrayList<>(column(db, "SELECT version_num FROM retort_version"));
		rows.sort(null);
		return rows;
	}

	/** Whether a table exists (case-insensitively, in any schema the user sees). */
	public static boolean tableExists(TestDatabase db, String table) {
		try (Connection connection = db.connect();
				ResultSet rs = connection.getMetaData()
					.getTables(connection.getCatalog(), null, null, new String[] { "TABLE" })) {
			while (rs.next()) {
				if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
					return true;
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs statements. */
	public static void execute(TestDatabase db, String... sql) {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			for (String s : sql) {
				statement.execute(s);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}
}
