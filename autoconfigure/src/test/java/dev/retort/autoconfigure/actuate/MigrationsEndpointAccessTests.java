package dev.retort.autoconfigure.actuate;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.retort.Retort;
import dev.retort.autoconfigure.actuate.ActuatorHttp.Response;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each guard of the downgrade refusing on its own, and the health contributor following the
 * database from pending to up to date, on H2 over real HTTP.
 */
class MigrationsEndpointAccessTests {

	private static final String C3 = "cc00000000c3";

	private static final String DOWNGRADE = "{\"operation\":\"downgrade\",\"target\":\"-1\",\"confirm\":\"" + C3
			+ "\"}";

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(ActuatorTestApplication.class)
			.properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"retort.locations=classpath:db/actuator",
					"management.endpoints.web.exposure.include=health,migrations",
					"management.endpoint.health.show-details=always")
			.properties(properties)
			.run();
	}

	@Test
	void withDefaultReadOnlyAccessThereIsNoWriteOperationAndHealthFollowsTheDatabase() throws Exception {
		try (ConfigurableApplicationContext context = start("retort.on-startup=none",
				"retort.actuator.downgrade.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState,migrations")) {
			ActuatorHttp http = new ActuatorHttp(context);
			Retort retort = context.getBean(Retort.class);

			// on-startup=none with every revision pending: DOWN, HTTP 503, in the readiness group too.
			Response health = http.get("/actuator/health", null);
			assertThat(health.status()).isEqualTo(503);
			JsonNode migrations = health.json().get("components").get("migrations");
			assertThat(migrations.get("status").asString()).isEqualTo("DOWN");
			assertThat(Response.strings(migrations.get("details").get("current"))).isEmpty();
			assertThat(Response.strings(migrations.get("details").get("heads"))).containsExactly(C3);
			assertThat(Response.strings(migrations.get("details").get("pending"))).containsExactly("aa00000000a1",
					"bb00000000b2", C3);
			assertThat(migrations.get("details").get("reason").asString()).contains("3 revision(s) pending");
			assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(503);

			retort.upgrade("heads");
			Response up = http.get("/actuator/health", null);
			assertThat(up.status()).isEqualTo(200);
			assertThat(up.json().get("components").get("migrations").get("status").asString()).isEqualTo("UP");
			assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);

			// The write operation does not exist: the path answers GET only.
			DataSource dataSource = context.getBean(DataSource.class);
			DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
			Response post = http.post("/actuator/migrations", "admin", DOWNGRADE);
			assertThat(post.status()).isIn(404, 405);
			assertThat(DatabaseSnapshot.of(dataSource)).isEqualTo(before);
			assertThat(http.get("/actuator/migrations", "operator").status()).isEqualTo(200);

			// An older build over a newer schema: the database holds a revision the code does not know.
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("UPDATE retort_version SET version_num = 'ffff00000000'");
			}
			Response unknown = http.get("/actuator/health", null);
			assertThat(unknown.status()).isEqualTo(503);
			JsonNode details = unknown.json().get("components").get("migrations").get("details");
			assertThat(Response.strings(details.get("unknown"))).containsExactly("ffff00000000");
			assertThat(details.get("reason").asString()).contains("ffff00000000", "do not contain");
			assertThat(http.get("/actuator/migrations", "operator").json().get("upToDate").asBoolean()).isFalse();
		}
	}

	@Test
	void withUnrestrictedAccessButTheFlagOffTheDowngradeIsForbidden() throws Exception {
		try (ConfigurableApplicationContext context = start("management.endpoint.migrations.access=unrestricted")) {
			ActuatorHttp http = new ActuatorHttp(context);
			DataSource dataSource = context.getBean(DataSource.class);
			DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
			for (String request : new String[] { DOWNGRADE,
					"{\"operation\":\"downgrade\",\"target\":\"-1\",\"dryRun\":true}" }) {
				Response response = http.post("/actuator/migrations", "admin", request);
				assertThat(response.status()).isEqualTo(403);
				assertThat(response.json().get("code").asString()).isEqualTo("DOWNGRADE_DISABLED");
				assertThat(response.json().get("message").asString())
					.contains("retort.actuator.downgrade.enabled=true");
			}
			assertThat(DatabaseSnapshot.of(dataSource)).isEqualTo(before);
			assertThat(context.getBean(Retort.class).current()).containsExactly(C3);
		}
	}

}
