package dev.retort.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.RetortConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RetortProperties} documents the defaults of core's {@link RetortConfiguration} with literal
 * values (the configuration metadata is generated from them): they must stay equal, as Spring Boot's
 * {@code FlywayPropertiesTests.defaultValuesAreConsistent} keeps Flyway's in step.
 */
class RetortPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		RetortProperties properties = new RetortProperties();
		assertThat(properties.getLocations()).isEqualTo(List.of(RetortConfiguration.DEFAULT_LOCATION));
		assertThat(properties.getTarget()).isEqualTo(RetortConfiguration.DEFAULT_TARGET);
		assertThat(properties.getVersionTable()).isEqualTo(RetortConfiguration.DEFAULT_VERSION_TABLE);
		assertThat(properties.getHistoryTable()).isEqualTo(RetortConfiguration.DEFAULT_HISTORY_TABLE);
		assertThat(properties.isTransactionPerRevision()).isEqualTo(RetortConfiguration.DEFAULT_TRANSACTION_PER_REVISION);
		assertThat(properties.getLockTimeout()).isEqualTo(RetortConfiguration.DEFAULT_LOCK_TIMEOUT);
		assertThat(properties.isValidateChecksums()).isEqualTo(RetortConfiguration.DEFAULT_VALIDATE_CHECKSUMS);
		assertThat(properties.isCreateSchemas()).isEqualTo(RetortConfiguration.DEFAULT_CREATE_SCHEMAS);
		assertThat(properties.getSchema()).isNull();
		assertThat(properties.getScanPackages()).isEmpty();
	}
}
