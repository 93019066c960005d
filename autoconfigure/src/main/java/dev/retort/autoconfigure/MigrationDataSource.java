package dev.retort.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The {@link DataSource} Retort migrates, chosen as Boot's Flyway support chooses its own: a
 * {@link RetortDataSource @RetortDataSource} bean, else a separate connection from
 * {@link RetortConnectionDetails} ({@code retort.url}, or the application's URL with
 * {@code retort.user}), else the application's DataSource. A separate connection is a
 * non-pooling {@link SimpleDriverDataSource}: each connection Retort opens is closed when the
 * migration is done with it, so nothing stays open after startup.
 *
 * @param dataSource the chosen DataSource
 * @param derivedFrom the application DataSource whose URL it reuses with other credentials, if any
 */
record MigrationDataSource(DataSource dataSource, @Nullable DataSource derivedFrom) {

	/** Whether {@code candidate} reaches the database Retort migrates, as far as can be told without connecting. */
	boolean migrates(DataSource candidate) {
		return candidate.equals(this.dataSource) || candidate.equals(this.derivedFrom);
	}

	static MigrationDataSource select(@Nullable DataSource retortDataSource, @Nullable DataSource applicationDataSource,
			RetortConnectionDetails connectionDetails) {
		if (retortDataSource != null) {
			return new MigrationDataSource(retortDataSource, null);
		}
		String url = connectionDetails.getJdbcUrl();
		if (url != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url);
			applyCredentials(connectionDetails, builder);
			return new MigrationDataSource(builder.build(), null);
		}
		if (connectionDetails.getUsername() != null && applicationDataSource != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.derivedFrom(applicationDataSource)
				.type(SimpleDriverDataSource.class);
			applyCredentials(connectionDetails, builder);
			return new MigrationDataSource(builder.build(), applicationDataSource);
		}
		Assert.state(applicationDataSource != null,
				"Retort has no DataSource to migrate: define a DataSource bean or set retort.url");
		return new MigrationDataSource(applicationDataSource, null);
	}

	private static void applyCredentials(RetortConnectionDetails connectionDetails, DataSourceBuilder<?> builder) {
		builder.username(connectionDetails.getUsername());
		builder.password(connectionDetails.getPassword());
		String driverClassName = connectionDetails.getDriverClassName();
		if (StringUtils.hasText(driverClassName)) {
			builder.driverClassName(driverClassName);
		}
	}

}
