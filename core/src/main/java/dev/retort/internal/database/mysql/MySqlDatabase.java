package dev.retort.internal.database.mysql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.AlterColumn;
import dev.retort.SchemaOperation;
import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.DatabaseType;
import dev.retort.internal.database.LockRequest;
import dev.retort.internal.database.MigrationLock;
import dev.retort.internal.database.ScratchHost;
import dev.retort.internal.database.ServerScratchHost;

/**
 * MySQL 8 and MariaDB 10.5+, one family: a named lock ({@code GET_LOCK}), DDL that commits the open
 * transaction, and column, index and constraint facts read from {@code information_schema} where
 * their DDL needs more than a revision says.
 */
public final class MySqlDatabase extends Database {

	/** How the registry recognises MySQL and MariaDB. */
	public static final DatabaseType TYPE = new Type();

	private final boolean mariadb;

	MySqlDatabase(boolean mariadb) {
		this(new MySqlDialect(mariadb));
	}

	private MySqlDatabase(MySqlDialect dialect) {
		super(dialect);
		this.mariadb = dialect.mariadb();
	}

	@Override
	public String displayName() {
		return this.mariadb ? "MariaDB" : "MySQL";
	}

	@Override
	public MigrationLock lock(LockRequest request) {
		return new MySqlNamedLock(request.schema(), request.versionTable());
	}

	@Override
	public boolean probesTablesFirst() {
		return true;
	}

	@Override
	public SchemaOperation complete(Connection connection, SchemaOperation operation) {
		if (operation instanceof AlterColumn o && o.changesSomething()) {
			return new MySqlCatalog(connection, this.mariadb).complete(o);
		}
		if (operation instanceof SchemaOperation.DropIndex o) {
			return new MySqlCatalog(connection, this.mariadb).complete(o);
		}
		if (operation instanceof SchemaOperation.DropConstraint o) {
			return new MySqlCatalog(connection, this.mariadb).complete(o);
		}
		return operation;
	}

	@Override
	public CatalogReader catalogReader() {
		return new MySqlCatalogReader(this.mariadb);
	}

	/** Scratch databases are schemas, created and dropped connected to no database. */
	@Override
	public ScratchHost scratchHost(String url) {
		return new ServerScratchHost(url, "",
				"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'retort\\_scratch\\_%'"
						+ " ORDER BY SCHEMA_NAME",
				name -> List.of("DROP DATABASE IF EXISTS " + name), "MariaDB/MySQL CREATE and DROP on retort\\_scratch\\_%");
	}

	private static final class Type implements DatabaseType {

		@Override
		public List<String> names() {
			return List.of("mysql", "mariadb");
		}

		@Override
		public List<String> urlPrefixes() {
			return List.of("jdbc:mariadb:", "jdbc:mysql:");
		}

		@Override
		public Database named(String canonicalName) {
			return new MySqlDatabase(canonicalName.equals("mariadb"));
		}

		@Override
		public @Nullable Database forUrl(String lowerCaseUrl) {
			if (lowerCaseUrl.startsWith("jdbc:mariadb:")) {
				return new MySqlDatabase(true);
			}
			return lowerCaseUrl.startsWith("jdbc:mysql:") ? new MySqlDatabase(false) : null;
		}

		@Override
		public @Nullable Database forProduct(String product, String version, DatabaseMetaData metaData) {
			if (product.contains("mariadb") || version.contains("mariadb")) {
				return new MySqlDatabase(true);
			}
			return product.contains("mysql") ? new MySqlDatabase(false) : null;
		}
	}
}
