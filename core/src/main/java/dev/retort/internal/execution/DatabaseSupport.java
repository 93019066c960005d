package dev.retort.internal.execution;

import java.sql.Connection;

import org.jspecify.annotations.Nullable;

import dev.retort.QualifiedName;
import dev.retort.internal.database.DialectKind;
import dev.retort.internal.database.SqlDialect;

/**
 * The runtime's view of a {@link SqlDialect}: what it needs to run revisions and keep its own tables.
 *
 * @param dialect the dialect
 */
record DatabaseSupport(SqlDialect dialect) {

	/** The dialect named in configuration ({@code postgresql}, {@code h2}, {@code mysql}, {@code mariadb}). */
	static DatabaseSupport named(String name) {
		return new DatabaseSupport(SqlDialect.byName(name));
	}

	/** The dialect of the database behind {@code connection}. */
	static DatabaseSupport detect(Connection connection) {
		return new DatabaseSupport(SqlDialect.detect(connection));
	}

	DialectKind kind() {
		return this.dialect.kind();
	}

	/** The name revision files use for dialect-specific sections. */
	String name() {
		return this.dialect.kind().id();
	}

	/** A readable product name for messages. */
	String displayName() {
		return switch (this.dialect.kind()) {
			case POSTGRESQL -> "PostgreSQL";
			case H2 -> "H2";
			case MYSQL -> "MySQL";
			case MARIADB -> "MariaDB";
		};
	}

	/**
	 * Whether DDL takes part in transactions rather than committing implicitly. H2 2.x commits the
	 * open transaction on most DDL statements (CREATE/DROP/ALTER), so only data changes roll back
	 * there; the runtime treats it like MySQL when it describes a failure's state.
	 */
	boolean transactionalDdl() {
		return this.dialect.transactionalDdl() && this.dialect.kind() != DialectKind.H2;
	}

	/** Validates and quotes a possibly schema-qualified name. */
	String quote(QualifiedName name, String origin) {
		return this.dialect.quote(name, origin);
	}

	/** A literal for offline SQL. */
	String literal(@Nullable String value) {
		return this.dialect.literal(value);
	}

	/** The statement that opens a transaction in an offline script. */
	String begin() {
		return this.dialect.beginTransactionSql();
	}

	/** The statement that commits a transaction in an offline script. */
	String commit() {
		return this.dialect.commitSql();
	}
}
