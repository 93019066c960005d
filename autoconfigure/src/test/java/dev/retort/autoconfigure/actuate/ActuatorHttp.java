package dev.retort.autoconfigure.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/** A small HTTP client for the Actuator of a running test application. */
final class ActuatorHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	ActuatorHttp(ConfigurableApplicationContext context) {
		this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	Response get(String path, @Nullable String user) {
		return send(request(path, user).GET().build());
	}

	Response post(String path, @Nullable String user, String body) {
		return send(postRequest(path, user, body));
	}

	CompletableFuture<Response> postAsync(String path, @Nullable String user, String body) {
		return this.client.sendAsync(postRequest(path, user, body), HttpResponse.BodyHandlers.ofString())
			.thenApply(Response::of);
	}

	private HttpRequest postRequest(String path, @Nullable String user, String body) {
		return request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpRequest.Builder request(String path, @Nullable String user) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		if (user != null) {
			String credentials = user + ":" + ActuatorTestApplication.PASSWORD;
			builder.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return builder;
	}

	private Response send(HttpRequest request) {
		try {
			return Response.of(this.client.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, body, and the body as JSON. */
	record Response(int status, String body) {

		static Response of(HttpResponse<String> response) {
			return new Response(response.statusCode(), response.body());
		}

		JsonNode json() {
			return json.readTree(this.body);
		}

		/** The property names of the body's top-level object (or of {@code node}). */
		static List<String> names(JsonNode node) {
			return new ArrayList<>(node.propertyNames());
		}

		static List<String> strings(JsonNode array) {
			List<String> values = new ArrayList<>();
			array.values().forEach((value) -> values.add(value.asString()));
			return values;
		}

	}

}
