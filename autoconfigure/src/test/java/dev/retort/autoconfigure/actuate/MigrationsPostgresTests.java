package dev.retort.autoconfigure.actuate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.autoconfigure.actuate.ActuatorHttp.Response;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint and the health contributor on PostgreSQL, connected as a role with a password: from
 * pending to up to date, SQL rendered for PostgreSQL, dry run and real downgrade, a migrator in
 * another process holding the lock, an unknown database revision, and a database that refuses the
 * login. No response and no log line carries the password.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsPostgresTests {

	private static final String A1 = "aa00000000a1";

	private static final String B2 = "bb00000000b2";

	private static final String C3 = "cc00000000c3";

	@Test
	void endpointAndHealthOnPostgres(CapturedOutput output) throws Exception {
		String role = "rt_actuator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String password = "Pg-" + UUID.randomUUID();
		List<Response> responses = new ArrayList<>();
		try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRES)) {
			try {
				admin(database, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
						"ALTER DATABASE " + database.name() + " OWNER TO " + role,
						"ALTER SCHEMA public OWNER TO " + role);
				try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ActuatorTestApplication.class)
					.properties("server.port=0", "spring.datasource.url=" + withoutUser(database.url()),
							"spring.datasource.username=" + role, "spring.datasource.password=" + password,
							"spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource",
							"retort.locations=classpath:db/actuator", "retort.on-startup=none",
							"retort.actuator.downgrade.enabled=true",
							"management.endpoint.migrations.access=unrestricted",
							"management.endpoints.web.exposure.include=health,migrations",
							"management.endpoint.health.show-details=always")
					.run()) {
					exercise(context, database, role, responses);
				}
			}
			finally {
				// Hand the role's objects back so the role can go; the database goes with close().
				admin(database, "REASSIGN OWNED BY " + role + " TO CURRENT_USER", "DROP OWNED BY " + role,
						"DROP ROLE " + role);
			}
		}
		assertThat(responses).isNotEmpty()
			.allSatisfy((response) -> assertThat(response.body()).doesNotContain(password));
		assertThat(output.toString()).contains("Running downgrade").doesNotContain(password);
	}

	private void exercise(ConfigurableApplicationContext context, TestDatabase database, String role,
			List<Response> responses) throws Exception {
		ActuatorHttp http = new ActuatorHttp(context);
		Retort retort = context.getBean(Retort.class);
		DataSource dataSource = context.getBean(DataSource.class);

		Response pending = record(responses, http.get("/actuator/health", null));
		assertThat(pending.status()).isEqualTo(503);
		assertThat(Response.strings(pending.json().get("components").get("migrations").get("details").get("pending")))
			.containsExactly(A1, B2, C3);

		retort.upgrade("heads");
		Response up = record(responses, http.get("/actuator/health", null));
		assertThat(up.status()).isEqualTo(200);
		assertThat(up.json().get("components").get("migrations").get("status").asString()).isEqualTo("UP");

		JsonNode status = record(responses, http.get("/actuator/migrations", "operator")).json();
		assertThat(Response.strings(status.get("current"))).containsExactly(C3);
		assertThat(status.get("upToDate").asBoolean()).isTrue();
		JsonNode revision = record(responses, http.get("/actuator/migrations/cc", "operator")).json();
		assertThat(revision.get("upgradeSql").asString()).contains("CREATE INDEX ix_widgets_colour");
		assertThat(revision.get("downgradeSql").asString()).contains("DROP INDEX ix_widgets_colour");

		DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
		Response dryRun = record(responses, http.post("/actuator/migrations", "admin",
				"{\"operation\":\"downgrade\",\"target\":\"-1\",\"dryRun\":true}"));
		assertThat(dryRun.status()).isEqualTo(200);
		assertThat(dryRun.json().get("confirm").asString()).isEqualTo(C3);
		assertThat(DatabaseSnapshot.of(dataSource)).isEqualTo(before);

		Response downgrade = record(responses, http.post("/actuator/migrations", "admin",
				"{\"operation\":\"downgrade\",\"target\":\"-1\",\"confirm\":\"" + C3 + "\"}"));
		assertThat(downgrade.status()).isEqualTo(200);
		assertThat(retort.current()).containsExactly(B2);
		assertThat(retort.appliedHistory(1).get(0).actor()).isEqualTo("admin");
		assertThat(DatabaseSnapshot.of(dataSource).schema()).noneMatch((line) -> line.contains("ix_widgets_colour"));

		// A migrator in another process (its own engine, same database) holds the lock: refused quickly.
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Retort other = Retort.configure()
			.dataSource(database.dataSource())
			.locations("classpath:db/actuator")
			.actor("other-migrator")
			.listener(new MigrationListener() {
				@Override
				public void beforeStep(StepEvent step) {
					entered.countDown();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			})
			.load();
		CompletableFuture<?> holder = CompletableFuture.runAsync(() -> other.upgrade("heads"));
		try {
			assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
			long start = System.nanoTime();
			Response locked = record(responses, http.post("/actuator/migrations", "admin",
					"{\"operation\":\"downgrade\",\"target\":\"-1\",\"confirm\":\"" + B2 + "\"}"));
			assertThat(locked.status()).isEqualTo(409);
			assertThat(locked.json().get("code").asString()).isEqualTo("LOCK_TIMEOUT");
			assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
		}
		finally {
			release.countDown();
		}
		holder.get(30, TimeUnit.SECONDS);
		assertThat(retort.current()).containsExactly(C3);

		// The database holds a revision this code does not know.
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("UPDATE retort_version SET version_num = 'ffff00000000'");
		}
		Response unknown = record(responses, http.get("/actuator/health", null));
		assertThat(unknown.status()).isEqualTo(503);
		assertThat(Response.strings(unknown.json().get("components").get("migrations").get("details").get("unknown")))
			.containsExactly("ffff00000000");

		// The database refuses the login: DOWN with the error's class, never the credentials.
		admin(database, "ALTER ROLE " + role + " NOLOGIN");
		Response unreadable = record(responses, http.get("/actuator/health", null));
		assertThat(unreadable.status()).isEqualTo(503);
		JsonNode details = unreadable.json().get("components").get("migrations").get("details");
		assertThat(details.get("error").asString()).isEqualTo("org.postgresql.util.PSQLException");
		assertThat(details.get("code").asString()).isEqualTo("DATABASE_ERROR");
		Response endpoint = record(responses, http.get("/actuator/migrations", "operator"));
		assertThat(endpoint.status()).isEqualTo(503);
		assertThat(endpoint.json().get("code").asString()).isEqualTo("DATABASE_ERROR");
	}

	private static Response record(List<Response> responses, Response response) {
		responses.add(response);
		return response;
	}

	/** The test server's URL names its admin user; the application must log in as the role instead. */
	private static String withoutUser(String url) {
		return url.replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
	}

	private static void admin(TestDatabase database, String... statements) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
