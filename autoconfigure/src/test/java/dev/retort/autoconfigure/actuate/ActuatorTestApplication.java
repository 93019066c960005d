package dev.retort.autoconfigure.actuate;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.retort.MigrationListener;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application the Actuator tests start: Boot's auto-configuration (JPA left out) with the security
 * rules the sample app and docs/actuator.md show: health open, migration reads for OPERATOR, the
 * downgrade for MIGRATION_ADMIN. Users: {@code operator}, {@code admin}, {@code admin2}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = { HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class })
class ActuatorTestApplication {

	static final String PASSWORD = "test-password";

	@Bean
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/actuator/migrations")
				.hasRole("MIGRATION_ADMIN")
				.anyRequest()
				.hasAnyRole("OPERATOR", "MIGRATION_ADMIN"))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.toAnyEndpoint()));
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("operator").password("{noop}" + PASSWORD).roles("OPERATOR").build(),
				User.withUsername("admin").password("{noop}" + PASSWORD).roles("MIGRATION_ADMIN").build(),
				User.withUsername("admin2").password("{noop}" + PASSWORD).roles("MIGRATION_ADMIN").build());
	}

	@Bean
	StepGate stepGate() {
		return new StepGate();
	}

	/**
	 * Holds the next downgrade step until released, so a test can send a second request while the
	 * first one is certainly running.
	 */
	static final class StepGate implements MigrationListener {

		private final AtomicReference<CountDownLatch[]> armed = new AtomicReference<>();

		/** Arms the gate; returns {entered, release}. */
		CountDownLatch[] arm() {
			CountDownLatch[] latches = { new CountDownLatch(1), new CountDownLatch(1) };
			this.armed.set(latches);
			return latches;
		}

		@Override
		public void beforeStep(StepEvent step) {
			CountDownLatch[] latches = this.armed.getAndSet(null);
			if (latches != null) {
				latches[0].countDown();
				try {
					latches[1].await(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
