package dev.retort.autoconfigure.actuate;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.retort.Retort;
import dev.retort.autoconfigure.actuate.ActuatorHttp.Response;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two databases, each with its own {@link Retort} bean: the endpoint lists both by bean name (as
 * Flyway's lists every Flyway bean) and serves either with {@code bean}, the health contributor has
 * one member per bean, and the endpoint's JSON keeps its shape under the application's SNAKE_CASE.
 */
class SeveralRetortBeansTests {

	@Test
	void endpointAndHealthWorkPerBean() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ActuatorTestApplication.class,
				TwoDatabases.class)
			.properties("server.port=0", "management.endpoints.web.exposure.include=health,migrations",
					"management.endpoint.health.show-details=always", "spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run()) {
			ActuatorHttp http = new ActuatorHttp(context);

			JsonNode all = http.get("/actuator/migrations", "operator").json();
			assertThat(Response.names(all.get("retortBeans"))).containsExactly("retort", "ordersRetort");
			JsonNode orders = all.get("retortBeans").get("ordersRetort");
			// camelCase although the application asked Jackson for snake_case: an OperationResponseBody.
			assertThat(orders.get("upToDate").asBoolean()).isFalse();
			assertThat(Response.strings(orders.get("pending"))).hasSize(3);
			assertThat(all.get("retortBeans").get("retort").get("upToDate").asBoolean()).isTrue();

			Response one = http.get("/actuator/migrations?bean=retort", "operator");
			assertThat(one.status()).isEqualTo(200);
			assertThat(Response.strings(one.json().get("current"))).containsExactly("cc00000000c3");

			Response history = http.get("/actuator/migrations/history?bean=retort", "operator");
			assertThat(history.json().get("entries").size()).isEqualTo(3);

			Response unnamed = http.get("/actuator/migrations/history", "operator");
			assertThat(unnamed.status()).isEqualTo(400);
			assertThat(unnamed.json().get("code").asString()).isEqualTo("INVALID_ARGUMENT");
			assertThat(unnamed.json().get("message").asString()).contains("retort", "ordersRetort");

			assertThat(http.get("/actuator/migrations?bean=nope", "operator").status()).isEqualTo(400);

			JsonNode health = http.get("/actuator/health/migrations", null).json();
			assertThat(health.get("status").asString()).isEqualTo("DOWN");
			assertThat(health.get("components").get("retort").get("status").asString()).isEqualTo("UP");
			assertThat(health.get("components").get("ordersRetort").get("status").asString()).isEqualTo("DOWN");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDatabases {

		@Bean
		@Primary
		DataSource dataSource() {
			return DataSourceBuilder.create().url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").build();
		}

		@Bean
		Retort retort(DataSource dataSource) {
			Retort retort = Retort.configure().dataSource(dataSource).locations("classpath:db/actuator").load();
			retort.upgrade("heads");
			return retort;
		}

		@Bean
		Retort ordersRetort() {
			DataSource orders = DataSourceBuilder.create()
				.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
				.build();
			return Retort.configure().dataSource(orders).locations("classpath:db/actuator").load();
		}

	}

}
