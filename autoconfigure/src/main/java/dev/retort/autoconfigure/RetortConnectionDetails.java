package dev.retort.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * How Retort connects to the database it migrates, when that differs from the application's
 * {@code DataSource}. Built from {@code retort.url}/{@code user}/{@code password} by default, or from a
 * {@code @ServiceConnection} (Testcontainers) JDBC container.
 */
public interface RetortConnectionDetails extends ConnectionDetails {

	/** The user, or {@code null} to use the application's. */
	@Nullable String getUsername();

	/** The password, or {@code null} to use the application's. */
	@Nullable String getPassword();

	/** The JDBC URL, or {@code null} to use the application's DataSource. */
	@Nullable String getJdbcUrl();

	/** The JDBC driver class name; by default derived from {@link #getJdbcUrl()}. */
	default @Nullable String getDriverClassName() {
		String jdbcUrl = getJdbcUrl();
		return (jdbcUrl != null) ? DatabaseDriver.fromJdbcUrl(jdbcUrl).getDriverClassName() : null;
	}

}
