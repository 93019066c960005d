package dev.retort.autoconfigure.actuate;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.retort.Direction;
import dev.retort.Resolution;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.autoconfigure.actuate.ActuatorHttp.Response;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code migrations} endpoint over real HTTP on H2, with the downgrade allowed (unrestricted
 * access and the flag on) and the sample app's security rules. One application for the whole class;
 * each test starts from the database at its heads.
 */
class MigrationsEndpointTests {

	private static final String A1 = "aa00000000a1";

	private static final String B2 = "bb00000000b2";

	private static final String C3 = "cc00000000c3";

	private static final String DB_PASSWORD = "h2-secret-" + UUID.randomUUID();

	private static ConfigurableApplicationContext context;

	private static ActuatorHttp http;

	private static Retort retort;

	private static DataSource dataSource;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(ActuatorTestApplication.class)
			.properties("server.port=0", "spring.application.name=widgets",
					"spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.datasource.username=widget_app", "spring.datasource.password=" + DB_PASSWORD,
					"retort.locations=classpath:db/actuator", "retort.actuator.downgrade.enabled=true",
					"management.endpoint.migrations.access=unrestricted",
					"management.endpoints.web.exposure.include=health,migrations,metrics",
					"management.endpoint.health.show-details=always")
			.run();
		http = new ActuatorHttp(context);
		retort = context.getBean(Retort.class);
		dataSource = context.getBean(DataSource.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@BeforeEach
	void atHeads() {
		retort.upgrade("heads");
	}

	@Test
	void statusListsCurrentHeadsPendingAndEveryRevisionNewestFirst() {
		Response response = http.get("/actuator/migrations", "operator");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(Response.names(body)).containsExactlyInAnyOrder("current", "heads", "pending", "upToDate",
				"unknown", "revisions", "interrupted");
		assertThat(Response.strings(body.get("current"))).containsExactly(C3);
		assertThat(Response.strings(body.get("heads"))).containsExactly(C3);
		assertThat(Response.strings(body.get("pending"))).isEmpty();
		assertThat(body.get("upToDate").asBoolean()).isTrue();
		List<JsonNode> revisions = body.get("revisions").valueStream().toList();
		assertThat(revisions).extracting((revision) -> revision.get("id").asString()).containsExactly(C3, B2, A1);
		for (JsonNode revision : revisions) {
			assertThat(Response.names(revision)).containsExactlyInAnyOrder("id", "downRevisions", "branchLabels",
					"dependsOn", "message", "applied", "appliedAt");
			assertThat(revision.get("applied").asBoolean()).isTrue();
			assertThat(Instant.parse(revision.get("appliedAt").asString())).isBefore(Instant.now().plusSeconds(1));
		}
		assertThat(Response.strings(revisions.get(0).get("downRevisions"))).containsExactly(B2);
		assertThat(Response.strings(revisions.get(0).get("branchLabels"))).contains("widgets");
		assertThat(revisions.get(0).get("message").asString()).isEqualTo("index widgets.colour");
		assertThat(Response.strings(revisions.get(2).get("downRevisions"))).isEmpty();
	}

	@Test
	void statusShowsPendingRevisionsInApplyOrder() {
		retort.downgrade(A1);
		JsonNode body = http.get("/actuator/migrations", "operator").json();
		assertThat(Response.strings(body.get("current"))).containsExactly(A1);
		assertThat(Response.strings(body.get("pending"))).containsExactly(B2, C3);
		assertThat(body.get("upToDate").asBoolean()).isFalse();
		assertThat(body.get("revisions").valueStream().map((revision) -> revision.get("applied").asBoolean()))
			.containsExactly(false, false, true);
	}

	@Test
	void historyListsRowsNewestFirstUpToTheLimit() {
		retort.downgrade(B2);
		retort.upgrade("heads");
		Response response = http.get("/actuator/migrations/history?limit=2", "operator");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(Response.names(body)).containsExactlyInAnyOrder("limit", "entries");
		assertThat(body.get("limit").asInt()).isEqualTo(2);
		List<JsonNode> entries = body.get("entries").valueStream().toList();
		assertThat(entries).hasSize(2);
		assertThat(Response.names(entries.get(0))).containsExactlyInAnyOrder("id", "revision", "direction",
				"checksum", "startedAt", "durationMs", "outcome", "actor", "headsBefore", "headsAfter");
		// Actuator's own JSON settings leave out null fields (a successful step has no error).
		assertThat(entries.get(0).get("id").asLong()).isGreaterThan(entries.get(1).get("id").asLong());
		assertThat(entries).extracting((entry) -> entry.get("revision").asString() + " " + entry.get("direction").asString())
			.containsExactly(C3 + " upgrade", C3 + " downgrade");
		assertThat(entries.get(0).get("actor").asString()).isEqualTo("widgets");
		assertThat(entries.get(0).get("outcome").asString()).isEqualTo("success");
		assertThat(Response.strings(entries.get(0).get("headsBefore"))).containsExactly(B2);
		assertThat(Response.strings(entries.get(0).get("headsAfter"))).containsExactly(C3);
		assertThat(http.get("/actuator/migrations/history", "operator").json().get("entries").size())
			.isGreaterThanOrEqualTo(5);
		Response invalid = http.get("/actuator/migrations/history?limit=0", "operator");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("code").asString()).isEqualTo("INVALID_ARGUMENT");
	}

	@Test
	void revisionShowsItsSqlForThisDatabaseByAnyIdentifier() {
		Response response = http.get("/actuator/migrations/bb0", "operator");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(Response.names(body)).containsExactlyInAnyOrder("id", "downRevisions", "branchLabels", "dependsOn",
				"message", "source", "head", "base", "branchPoint", "mergePoint", "applied", "appliedAt", "upgradeSql",
				"downgradeSql");
		assertThat(body.get("id").asString()).isEqualTo(B2);
		assertThat(body.get("message").asString()).isEqualTo("add widgets.colour");
		assertThat(body.get("applied").asBoolean()).isTrue();
		assertThat(body.get("upgradeSql").asString()).contains("ALTER TABLE widgets ADD COLUMN colour")
			.contains("INSERT INTO widgets");
		assertThat(body.get("downgradeSql").asString()).contains("DROP COLUMN colour");
		assertThat(http.get("/actuator/migrations/widgets@head", "operator").json().get("id").asString())
			.isEqualTo(C3);
		JsonNode base = http.get("/actuator/migrations/" + A1, "operator").json();
		assertThat(base.get("base").asBoolean()).isTrue();
		assertThat(base.get("downgradeSql").asString()).contains("irreversible");
	}

	@Test
	void unknownRevisionIsNotFoundWithItsCode() {
		Response response = http.get("/actuator/migrations/dead00000000", "operator");
		assertThat(response.status()).isEqualTo(404);
		JsonNode body = response.json();
		assertThat(Response.names(body)).contains("status", "error", "code", "message");
		assertThat(body.get("status").asInt()).isEqualTo(404);
		assertThat(body.get("error").asString()).isEqualTo("Not Found");
		assertThat(body.get("code").asString()).isEqualTo("UNKNOWN_REVISION");
		assertThat(body.get("message").asString()).contains("dead00000000");
	}

	@Test
	void dryRunReturnsPlanAndSqlAndLeavesTheDatabaseUnchanged() throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
		Response response = http.post("/actuator/migrations", "admin",
				"{\"operation\":\"downgrade\",\"target\":\"" + A1 + "\",\"dryRun\":true}");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(Response.names(body)).containsExactlyInAnyOrder("operation", "target", "dryRun", "confirm", "actor",
				"headsBefore", "headsAfter", "steps", "durationMs");
		assertThat(body.get("dryRun").asBoolean()).isTrue();
		assertThat(body.get("confirm").asString()).isEqualTo(C3 + "," + B2);
		assertThat(Response.strings(body.get("headsBefore"))).containsExactly(C3);
		assertThat(Response.strings(body.get("headsAfter"))).containsExactly(A1);
		List<JsonNode> steps = body.get("steps").valueStream().toList();
		assertThat(steps).extracting((step) -> step.get("revision").asString()).containsExactly(C3, B2);
		// A dry run has no durations: Actuator's own JSON settings leave the null field out.
		assertThat(Response.names(steps.get(0))).containsExactlyInAnyOrder("revision", "direction", "message",
				"headsBefore", "headsAfter", "sql");
		assertThat(steps.get(0).get("direction").asString()).isEqualTo("downgrade");
		assertThat(steps.get(0).get("sql").asString()).contains("DROP INDEX ix_widgets_colour");
		assertThat(steps.get(1).get("sql").asString()).contains("DROP COLUMN colour");
		assertThat(DatabaseSnapshot.of(dataSource)).isEqualTo(before);
	}

	@Test
	void realRunNeedsConfirmNamingExactlyTheRevertedRevisions() throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
		Response missing = http.post("/actuator/migrations", "admin", "{\"operation\":\"downgrade\",\"target\":\"-1\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("code").asString()).isEqualTo("CONFIRMATION_REQUIRED");
		assertThat(missing.json().get("message").asString()).contains(C3);
		for (String wrong : List.of(B2, "cc", C3 + "," + B2, "")) {
			Response mismatch = http.post("/actuator/migrations", "admin",
					"{\"operation\":\"downgrade\",\"target\":\"-1\",\"confirm\":\"" + wrong + "\"}");
			assertThat(mismatch.status()).as(wrong).isEqualTo(400);
			assertThat(mismatch.json().get("code").asString()).as(wrong)
				.isEqualTo(wrong.isEmpty() ? "CONFIRMATION_REQUIRED" : "CONFIRMATION_MISMATCH");
		}
		assertThat(DatabaseSnapshot.of(dataSource)).isEqualTo(before);
	}

	@Test
	void unknownTargetsIrreversibleRevisionsAndBadRequestsAreRefusedBeforeAnythingRuns() throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
		assertRefused("{\"operation\":\"downgrade\",\"target\":\"dead00000000\",\"confirm\":\"" + C3 + "\"}", 404,
				"UNKNOWN_REVISION");
		assertRefused("{\"operation\":\"downgrade\",\"target\":\"base\",\"confirm\":\"" + C3 + "," + B2 + ","
				+ A1 + "\"}", 400, "IRREVERSIBLE_REVISION");
		assertRefused("{\"operation\":\"downgrade\",\"target\":\"base\",\"dryRun\":true}", 400,
				"IRREVERSIBLE_REVISION");
		assertRefused("{\"operation\":\"downgrade\",\"target\":\"-5\",\"confirm\":\"" + C3 + "\"}", 400,
				"RELATIVE_OUT_OF_RANGE");
		assertRefused("{\"operation\":\"upgrade\",\"target\":\"heads\"}", 400, "INVALID_ARGUMENT");
		assertRefused("{\"operation\":\"downgrade\",\"confirm\":\"" + C3 + "\"}", 400, "INVALID_ARGUMENT");
		assertThat(DatabaseSnapshot.of(dataSource)).isEqualTo(before);
	}

	private static void assertRefused(String request, int status, String code) {
		Response response = http.post("/actuator/migrations", "admin", request);
		assertThat(response.status()).as(request).isEqualTo(status);
		assertThat(response.json().get("code").asString()).as(request).isEqualTo(code);
	}

	@Test
	void realDowngradeRunsAndIsRecordedWithThePrincipal() throws Exception {
		Response response = http.post("/actuator/migrations", "admin",
				"{\"operation\":\"downgrade\",\"target\":\"-1\",\"confirm\":\"" + C3 + "\"}");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("dryRun").asBoolean()).isFalse();
		assertThat(body.get("actor").asString()).isEqualTo("admin");
		assertThat(Response.strings(body.get("headsAfter"))).containsExactly(B2);
		JsonNode step = body.get("steps").get(0);
		assertThat(step.get("revision").asString()).isEqualTo(C3);
		assertThat(step.get("direction").asString()).isEqualTo("downgrade");
		assertThat(step.get("durationMs").isNumber()).isTrue();
		assertThat(retort.current()).containsExactly(B2);
		assertThat(DatabaseSnapshot.of(dataSource).schema()).noneMatch((line) -> line.contains("IX_WIDGETS_COLOUR"));
		JsonNode newest = http.get("/actuator/migrations/history?limit=1", "operator").json().get("entries").get(0);
		assertThat(newest.get("revision").asString()).isEqualTo(C3);
		assertThat(newest.get("direction").asString()).isEqualTo("downgrade");
		assertThat(newest.get("actor").asString()).isEqualTo("admin");

		// Two steps at once, confirmed in any order.
		retort.upgrade("heads");
		Response two = http.post("/actuator/migrations", "admin2", "{\"operation\":\"downgrade\",\"target\":\"" + A1
				+ "\",\"confirm\":\"" + B2 + ", " + C3 + "\"}");
		assertThat(two.status()).as(two.body()).isEqualTo(200);
		assertThat(two.json().get("steps").valueStream().map((s) -> s.get("revision").asString()))
			.containsExactly(C3, B2);
		assertThat(retort.appliedHistory(2)).extracting((row) -> row.actor() + " " + row.revision())
			.containsExactly("admin2 " + B2, "admin2 " + C3);
	}

	@Test
	void approvalSeesThePlanBeforeAnyStepAndCanRefuseIt() throws Exception {
		// The façade method the endpoint relies on to re-check its confirmation under the migration lock.
		DatabaseSnapshot before = DatabaseSnapshot.of(dataSource);
		List<String> seen = new ArrayList<>();
		assertThatExceptionOfType(RetortException.class).isThrownBy(() -> retort.downgrade("-1", (plan) -> {
			seen.addAll(GuardedDowngrade.reverted(plan));
			throw new RetortException(ActuatorErrorCode.CONFIRMATION_MISMATCH, "refused by the test");
		})).satisfies((ex) -> assertThat(ex.code()).isEqualTo(ActuatorErrorCode.CONFIRMATION_MISMATCH));
		assertThat(seen).containsExactly(C3);
		assertThat(DatabaseSnapshot.of(dataSource)).isEqualTo(before);
	}

	@Test
	void concurrentDowngradeIsRefusedNotQueued() throws Exception {
		CountDownLatch[] gate = context.getBean(ActuatorTestApplication.StepGate.class).arm();
		String request = "{\"operation\":\"downgrade\",\"target\":\"-1\",\"confirm\":\"" + C3 + "\"}";
		CompletableFuture<Response> first = http.postAsync("/actuator/migrations", "admin", request);
		try {
			assertThat(gate[0].await(30, TimeUnit.SECONDS)).as("first downgrade started").isTrue();
			long start = System.nanoTime();
			Response second = http.post("/actuator/migrations", "admin2", request);
			assertThat(second.status()).isEqualTo(409);
			assertThat(second.json().get("code").asString()).isEqualTo("MIGRATION_IN_PROGRESS");
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("refused at once")
				.isLessThan(5000);
		}
		finally {
			gate[1].countDown();
		}
		Response firstResponse = first.get(30, TimeUnit.SECONDS);
		assertThat(firstResponse.status()).isEqualTo(200);
		assertThat(retort.current()).containsExactly(B2);
		assertThat(retort.appliedHistory(5)).filteredOn((row) -> row.direction() == Direction.DOWNGRADE)
			.extracting((row) -> row.actor())
			.first()
			.isEqualTo("admin");
	}

	@Test
	void securityKeepsWritesForMigrationAdminsAndHealthOpen() {
		String request = "{\"operation\":\"downgrade\",\"target\":\"-1\",\"dryRun\":true}";
		assertThat(http.post("/actuator/migrations", "operator", request).status()).isEqualTo(403);
		assertThat(http.post("/actuator/migrations", null, request).status()).isEqualTo(401);
		assertThat(http.get("/actuator/migrations", null).status()).isEqualTo(401);
		assertThat(http.get("/actuator/migrations", "admin").status()).isEqualTo(200);
		assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
	}

	@Test
	void healthIsUpAtTheHeadsAndDownWhilePending() {
		JsonNode up = http.get("/actuator/health", null).json().get("components").get("migrations");
		assertThat(up.get("status").asString()).isEqualTo("UP");
		assertThat(Response.strings(up.get("details").get("current"))).containsExactly(C3);
		retort.downgrade(B2);
		Response down = http.get("/actuator/health", null);
		assertThat(down.status()).isEqualTo(503);
		JsonNode migrations = down.json().get("components").get("migrations");
		assertThat(migrations.get("status").asString()).isEqualTo("DOWN");
		assertThat(Response.strings(migrations.get("details").get("pending"))).containsExactly(C3);
		assertThat(Response.strings(migrations.get("details").get("current"))).containsExactly(B2);
		assertThat(Response.strings(migrations.get("details").get("heads"))).containsExactly(C3);
	}

	@Test
	void healthIsDownWithTheInterruptedRevisionUntilResolvedThenUp() throws Exception {
		retort.downgrade(B2);
		// What a migrator killed in the middle of C3 leaves (issue 17): a 'running' history row and no lock.
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO retort_history (revision, direction, started_at, duration_ms, outcome, actor,"
					+ " heads_before, heads_after, host, process_id, statement_index) VALUES ('" + C3
					+ "', 'upgrade', TIMESTAMP '2026-12-06 03:00:00', 0, 'running', 'crashed-cli', '" + B2 + "', '" + C3
					+ "', 'build-7', 4242, 1)");
		}
		Response down = http.get("/actuator/health", null);
		assertThat(down.status()).isEqualTo(503);
		JsonNode migrations = down.json().get("components").get("migrations");
		assertThat(migrations.get("status").asString()).isEqualTo("DOWN");
		JsonNode interrupted = migrations.get("details").get("interrupted").get(0);
		assertThat(interrupted.get("revision").asString()).isEqualTo(C3);
		assertThat(interrupted.get("actor").asString()).isEqualTo("crashed-cli");
		assertThat(interrupted.get("processId").asLong()).isEqualTo(4242);
		assertThat(Response.strings(interrupted.get("mayHaveCommitted"))).singleElement().asString()
			.contains("statement 1");
		JsonNode endpoint = http.get("/actuator/migrations", "operator").json();
		assertThat(endpoint.get("interrupted").get(0).get("revision").asString()).isEqualTo(C3);
		assertThatExceptionOfType(RetortException.class).isThrownBy(() -> retort.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.code().name()).isEqualTo("INTERRUPTED_REVISION"));

		retort.withActor("ops").resolve(C3, Resolution.ROLLED_BACK);
		assertThat(http.get("/actuator/health", null).json().get("components").get("migrations").get("details")
			.get("interrupted")).isNull();
		retort.upgrade("heads");
		JsonNode up = http.get("/actuator/health", null).json().get("components").get("migrations");
		assertThat(up.get("status").asString()).isEqualTo("UP");
		assertThat(retort.appliedHistory(5)).anySatisfy((row) -> {
			assertThat(row.direction()).isEqualTo(Direction.RESOLVE);
			assertThat(row.actor()).isEqualTo("ops");
		});
	}

	@Test
	void metricsRecordEveryStepWithTheDocumentedTags() {
		http.post("/actuator/migrations", "admin",
				"{\"operation\":\"downgrade\",\"target\":\"-1\",\"confirm\":\"" + C3 + "\"}");
		Response timer = http.get("/actuator/metrics/retort.migration", "operator");
		assertThat(timer.status()).isEqualTo(200);
		JsonNode tags = timer.json().get("availableTags");
		assertThat(tags.valueStream().map((tag) -> tag.get("tag").asString())).contains("revision", "direction",
				"outcome");
		assertThat(tagValues(tags, "direction")).contains("upgrade", "downgrade");
		assertThat(tagValues(tags, "outcome")).contains("success");
		assertThat(tagValues(tags, "revision")).contains(A1, B2, C3);
		JsonNode downgrades = http
			.get("/actuator/metrics/retort.migration?tag=direction:downgrade&tag=revision:" + C3, "operator")
			.json();
		assertThat(measurement(downgrades, "COUNT")).isGreaterThanOrEqualTo(1);
		assertThat(measurement(http.get("/actuator/metrics/retort.revisions.pending", "operator").json(), "VALUE"))
			.isEqualTo(1);
		assertThat(measurement(http.get("/actuator/metrics/retort.heads.current", "operator").json(), "VALUE"))
			.isEqualTo(1);
		retort.upgrade("heads");
		assertThat(measurement(http.get("/actuator/metrics/retort.revisions.pending", "operator").json(), "VALUE"))
			.isEqualTo(0);
	}

	private static List<String> tagValues(JsonNode tags, String tag) {
		return tags.valueStream()
			.filter((candidate) -> candidate.get("tag").asString().equals(tag))
			.flatMap((candidate) -> candidate.get("values").valueStream())
			.map(JsonNode::asString)
			.toList();
	}

	private static double measurement(JsonNode metric, String statistic) {
		return metric.get("measurements")
			.valueStream()
			.filter((measurement) -> measurement.get("statistic").asString().equals(statistic))
			.mapToDouble((measurement) -> measurement.get("value").asDouble())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void noResponseCarriesTheDatabasePassword() {
		List<Response> responses = List.of(http.get("/actuator/migrations", "operator"),
				http.get("/actuator/migrations/history", "operator"), http.get("/actuator/migrations/bb0", "operator"),
				http.get("/actuator/migrations/" + DB_PASSWORD, "operator"), http.get("/actuator/health", null),
				http.post("/actuator/migrations", "admin",
						"{\"operation\":\"downgrade\",\"target\":\"" + DB_PASSWORD + "\",\"dryRun\":true}"),
				http.post("/actuator/migrations", "admin",
						"{\"operation\":\"downgrade\",\"target\":\"-1\",\"confirm\":\"password=" + DB_PASSWORD
								+ "\"}"));
		assertThat(responses).allSatisfy((response) -> assertThat(response.body()).doesNotContain(DB_PASSWORD));
		assertThat(responses.get(3).status()).isEqualTo(404);
		assertThat(responses.get(3).body()).contains("******");
	}

}
