package dev.retort.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link RetortConnectionDetails} read from {@link RetortProperties}.
 */
final class PropertiesRetortConnectionDetails implements RetortConnectionDetails {

	private final RetortProperties properties;

	PropertiesRetortConnectionDetails(RetortProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUser();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable String getJdbcUrl() {
		return this.properties.getUrl();
	}

	@Override
	public @Nullable String getDriverClassName() {
		String configured = this.properties.getDriverClassName();
		return (configured != null) ? configured : RetortConnectionDetails.super.getDriverClassName();
	}

}
