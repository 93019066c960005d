package dev.retort.hibernate;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/** A project's own PostgreSQL dialect, as a project might configure with spring.jpa.database-platform. */
public class PostgresVariantDialect extends PostgreSQLDialect {

	public PostgresVariantDialect() {
		super();
	}

	public PostgresVariantDialect(DatabaseVersion version) {
		super(version);
	}

	public PostgresVariantDialect(DialectResolutionInfo info) {
		super(info);
	}

}
