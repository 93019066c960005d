package dev.retort.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.retort.Retort;
import dev.retort.SecretMasker;
import dev.retort.autoconfigure.RetortAutoConfiguration;
import dev.retort.autoconfigure.RetortConnectionDetails;
import dev.retort.autoconfigure.RetortProperties;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@code migrations} Actuator endpoint, when Actuator is on the classpath,
 * the {@link Retort} engine is configured, and the endpoint is available (its access is not
 * {@code none} and it is exposed).
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(Retort.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(ListableBeanFactory beanFactory, RetortProperties properties,
			Environment environment, ObjectProvider<RetortConnectionDetails> retortConnectionDetails,
			ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
		// Every Retort bean, keyed by bean name, as Flyway's endpoint lists every Flyway bean.
		Map<String, Retort> retorts = new LinkedHashMap<>(beanFactory.getBeansOfType(Retort.class));
		return new MigrationsEndpoint(retorts, properties.getActuator().getDowngrade().isEnabled(),
				MigrationsEndpoint.DEFAULT_LOCK_TIMEOUT,
				secretMasker(properties, environment, retortConnectionDetails, jdbcConnectionDetails));
	}

	@Bean
	@ConditionalOnBean(MigrationsEndpoint.class)
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	MigrationsEndpointWebExtension migrationsEndpointWebExtension(MigrationsEndpoint endpoint,
			RetortProperties properties, Environment environment,
			ObjectProvider<RetortConnectionDetails> retortConnectionDetails,
			ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
		return new MigrationsEndpointWebExtension(endpoint,
				secretMasker(properties, environment, retortConnectionDetails, jdbcConnectionDetails));
	}

	/** Every password this application knows for its databases, so error bodies can mask them. */
	static SecretMasker secretMasker(RetortProperties properties, Environment environment,
			ObjectProvider<RetortConnectionDetails> retortConnectionDetails,
			ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
		List<@Nullable String> secrets = new ArrayList<>();
		secrets.add(properties.getPassword());
		secrets.add(environment.getProperty("spring.datasource.password"));
		retortConnectionDetails.orderedStream().forEach((details) -> secrets.add(details.getPassword()));
		jdbcConnectionDetails.orderedStream().forEach((details) -> secrets.add(details.getPassword()));
		return SecretMasker.of(secrets);
	}

}
