package dev.retort.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.retort.Retort;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's Actuator as docs/actuator.md describes it: health open (details for operators),
 * readiness following the schema, migration status for OPERATOR, the downgrade for MIGRATION_ADMIN
 * once retort.actuator.downgrade.enabled is on.
 */
class NotesActuatorTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void operatorsReadAdminsRollBackProbesFollowTheSchema() throws Exception {
		try (RunningNotesApplication app = new RunningNotesApplication("retort.actuator.downgrade.enabled=true")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app.context()).getWebServer().getPort();
			String merge = NotesApplicationTestSupport.MERGE_HEAD;

			HttpResponse<String> health = send(base, "GET", "/actuator/health", null, null);
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(json.readTree(health.body()).has("components")).as("no details for anonymous").isFalse();
			JsonNode detailed = json.readTree(send(base, "GET", "/actuator/health", "operator:operator-demo", null).body());
			assertThat(detailed.get("components").get("migrations").get("status").asString()).isEqualTo("UP");
			assertThat(send(base, "GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);

			assertThat(send(base, "GET", "/actuator/migrations", null, null).statusCode()).isEqualTo(401);
			HttpResponse<String> status = send(base, "GET", "/actuator/migrations", "operator:operator-demo", null);
			assertThat(status.statusCode()).isEqualTo(200);
			assertThat(json.readTree(status.body()).get("current").get(0).asString()).isEqualTo(merge);

			// '-1' from the merge revision is ambiguous (which parent?): refused before anything runs.
			HttpResponse<String> ambiguous = send(base, "POST", "/actuator/migrations", "admin:admin-demo",
					"{\"operation\":\"downgrade\",\"target\":\"-1\",\"dryRun\":true}");
			assertThat(ambiguous.statusCode()).isEqualTo(400);
			assertThat(json.readTree(ambiguous.body()).get("code").asString()).isEqualTo("AMBIGUOUS_WALK");

			String dryRun = "{\"operation\":\"downgrade\",\"target\":\"d3f0b6a8e207\",\"dryRun\":true}";
			assertThat(send(base, "POST", "/actuator/migrations", "operator:operator-demo", dryRun).statusCode())
				.isEqualTo(403);
			HttpResponse<String> planned = send(base, "POST", "/actuator/migrations", "admin:admin-demo", dryRun);
			assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
			String confirm = json.readTree(planned.body()).get("confirm").asString();
			assertThat(confirm).as("only the merge is reverted; both branches stay").isEqualTo(merge);

			HttpResponse<String> run = send(base, "POST", "/actuator/migrations", "admin:admin-demo",
					"{\"operation\":\"downgrade\",\"target\":\"d3f0b6a8e207\",\"confirm\":\"" + confirm + "\"}");
			assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
			Retort retort = app.context().getBean(Retort.class);
			assertThat(retort.appliedHistory(1).get(0).actor()).isEqualTo("admin");
			assertThat(retort.current()).containsExactlyInAnyOrder("c27a9f4d1b06", "d3f0b6a8e207");
			assertThat(retort.status().pending()).containsExactly(merge);
			assertThat(send(base, "GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(503);

			retort.upgrade("heads");
			assertThat(send(base, "GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
			assertThat(send(base, "GET", "/actuator/metrics/retort.migration", "operator:operator-demo", null)
				.statusCode()).isEqualTo(200);
			assertThat(app.get("/notes").status()).as("the notes API stays open").isEqualTo(200);
		}
	}

	private HttpResponse<String> send(String base, String method, String path, @Nullable String credentials,
			@Nullable String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
