package dev.retort.internal.database.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.retort.AlterColumn;
import dev.retort.ConstraintType;
import dev.retort.CoreErrorCode;
import dev.retort.DefaultValue;
import dev.retort.QualifiedName;
import dev.retort.RetortException;
import dev.retort.SchemaOperation;
import dev.retort.SqlType;
import dev.retort.internal.database.StatementFailures;

/**
 * Reads from MySQL/MariaDB's {@code information_schema} what their DDL needs and a revision need not
 * say online: a column's full definition, an index's table, a constraint's kind.
 */
final class MySqlCatalog {

	private final Connection connection;

	private final boolean mariadb;

	MySqlCatalog(Connection connection, boolean mariadb) {
		this.connection = connection;
		this.mariadb = mariadb;
	}

	/** The alteration with the current type, nullability, default and auto-increment filled in. */
	public AlterColumn complete(AlterColumn o) {
		if (o.type() == null && o.nullable() == null) {
			return o;
		}
		String sql = "SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS"
				+ " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND COLUMN_NAME = ?";
		try (PreparedStatement ps = this.connection.prepareStatement(sql)) {
			ps.setString(1, o.table().schema());
			ps.setString(2, o.table().name());
			ps.setString(3, o.column());
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					throw new RetortException(CoreErrorCode.STATEMENT_FAILED,
							"alterColumn: column " + o.column() + " not found in table " + o.table());
				}
				String extra = String.valueOf(rs.getString("EXTRA")).toLowerCase(Locale.ROOT);
				AlterColumn completed = o;
				if (o.existingType() == null) {
					completed = completed.existingType(new SqlType(SqlType.Kind.RAW, 0, 0, rs.getString("COLUMN_TYPE")));
				}
				if (o.existingNullable() == null) {
					completed = completed.existingNullable("YES".equals(rs.getString("IS_NULLABLE")));
				}
				if (o.existingServerDefault() == null) {
					DefaultValue current = currentDefault(rs.getString("COLUMN_DEFAULT"), extra);
					if (current != null) {
						completed = completed.existingServerDefault(current);
					}
				}
				if (extra.contains("auto_increment")) {
					completed = completed.existingAutoincrement(true);
				}
				return completed;
			}
		}
		catch (SQLException ex) {
			throw StatementFailures.failed(sql, ex);
		}
	}

	private @Nullable DefaultValue currentDefault(@Nullable String columnDefault, String extra) {
		if (columnDefault == null) {
			return null;
		}
		if (this.mariadb) {
			// MariaDB 10.2.7+ reports the default as an SQL expression: 'text', 42, current_timestamp(), NULL.
			return columnDefault.equalsIgnoreCase("NULL") ? null : DefaultValue.expression(columnDefault);
		}
		// MySQL reports literals unquoted and marks expressions DEFAULT_GENERATED.
		return extra.contains("default_generated") ? DefaultValue.expression(columnDefault)
				: DefaultValue.literal(columnDefault);
	}

	/** The drop-index operation with the index's table found, if the revision did not name it. */
	public SchemaOperation.DropIndex complete(SchemaOperation.DropIndex o) {
		if (o.table() != null) {
			return o;
		}
		String sql = "SELECT DISTINCT TABLE_NAME FROM information_schema.STATISTICS"
				+ " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND INDEX_NAME = ?";
		List<String> tables = strings(sql, o.index().schema(), o.index().name());
		if (tables.size() != 1) {
			throw new RetortException(CoreErrorCode.UNSUPPORTED_BY_DIALECT, "dropIndex " + o.index() + ": "
					+ (tables.isEmpty() ? "no such index" : "several tables have an index of that name " + tables)
					+ "; pass the table");
		}
		return new SchemaOperation.DropIndex(o.index(), QualifiedName.of(o.index().schema(), tables.get(0)));
	}

	/** The drop-constraint operation with the constraint's kind found, if the revision did not give it. */
	public SchemaOperation.DropConstraint complete(SchemaOperation.DropConstraint o) {
		if (o.type() != null) {
			return o;
		}
		String sql = "SELECT CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
				+ " WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?";
		List<String> types = strings(sql, o.table().schema(), o.table().name(), o.name());
		ConstraintType type;
		if (types.contains("FOREIGN KEY")) {
			type = ConstraintType.FOREIGN_KEY;
		}
		else if (types.contains("PRIMARY KEY")) {
			type = ConstraintType.PRIMARY_KEY;
		}
		else if (types.contains("UNIQUE")) {
			type = ConstraintType.UNIQUE;
		}
		else if (types.contains("CHECK")) {
			type = ConstraintType.CHECK;
		}
		else if (o.name().equalsIgnoreCase("PRIMARY")) {
			type = ConstraintType.PRIMARY_KEY;
		}
		else {
			throw new RetortException(CoreErrorCode.STATEMENT_FAILED, "dropConstraint: no constraint " + o.name()
					+ " on table " + o.table() + " (MySQL and MariaDB name every primary key PRIMARY;"
					+ " to drop one, pass ConstraintType.PRIMARY_KEY)");
		}
		return new SchemaOperation.DropConstraint(o.table(), o.name(), type);
	}

	private List<String> strings(String sql, @Nullable String... params) {
		try (PreparedStatement ps = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setString(i + 1, params[i]);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
			return values;
		}
		catch (SQLException ex) {
			throw StatementFailures.failed(sql, ex);
		}
	}
}
