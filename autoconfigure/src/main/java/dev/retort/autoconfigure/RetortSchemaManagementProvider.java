package dev.retort.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Hibernate's {@code ddl-auto} default that a DataSource Retort migrates is managed, so an
 * embedded database is not created and dropped by Hibernate behind Retort's back. The application's
 * DataSource counts as managed when Retort migrates it, or the same URL as another user
 * ({@code retort.user}); with {@code retort.url} Boot cannot tell, as with Flyway.
 */
final class RetortSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<MigrationDataSource> migrationDataSources;

	RetortSchemaManagementProvider(ObjectProvider<MigrationDataSource> migrationDataSources) {
		this.migrationDataSources = migrationDataSources;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return this.migrationDataSources.stream().anyMatch((migrated) -> migrated.migrates(dataSource))
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
