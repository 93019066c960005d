package dev.retort.sample.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what on the Actuator: anyone may read {@code /actuator/health} (Kubernetes probes, load
 * balancers); {@value #OPERATOR} reads the other endpoints ({@code /actuator/migrations}, its history
 * and revisions, metrics); only {@value #MIGRATION_ADMIN} may {@code POST /actuator/migrations} (the
 * guarded downgrade). Requests authenticate with HTTP Basic; CSRF protection is off for the Actuator
 * because its clients are scripts and {@code curl}, not browser sessions.
 * <p>
 * The two demo users come from properties ({@code notes.security.*}); a real deployment takes its users
 * from its identity provider and keeps only the rules.
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorSecurityConfiguration {

	/** Reads migration status, history and metrics. */
	public static final String OPERATOR = "OPERATOR";

	/** May also run the downgrade. */
	public static final String MIGRATION_ADMIN = "MIGRATION_ADMIN";

	@Bean
	@Order(1)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/actuator/migrations", "/actuator/migrations/**")
				.hasRole(MIGRATION_ADMIN)
				.anyRequest()
				.hasAnyRole(OPERATOR, MIGRATION_ADMIN))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.toAnyEndpoint()));
		return http.build();
	}

	/** The notes API itself stays open in this demo (it has no users of its own). */
	@Bean
	@Order(2)
	SecurityFilterChain applicationSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager actuatorUsers(@Value("${notes.security.operator.name}") String operatorName,
			@Value("${notes.security.operator.password}") String operatorPassword,
			@Value("${notes.security.admin.name}") String adminName,
			@Value("${notes.security.admin.password}") String adminPassword) {
		return new InMemoryUserDetailsManager(
				User.withUsername(operatorName).password(operatorPassword).roles(OPERATOR).build(),
				User.withUsername(adminName).password(adminPassword).roles(OPERATOR, MIGRATION_ADMIN).build());
	}

}
