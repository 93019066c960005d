package dev.retort.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample application started on a random port, with a tiny HTTP client for tests. */
final class RunningNotesApplication implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	RunningNotesApplication(String... properties) {
		// Command-line arguments, so they win over application(-profile).properties as in production.
		String[] args = Stream.concat(Stream.of("server.port=0"), Stream.of(properties))
			.map((property) -> "--" + property)
			.toArray(String[]::new);
		this.context = new SpringApplicationBuilder(NotesApplication.class).run(args);
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.base = "http://127.0.0.1:" + port;
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	Response get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	Response post(String path, String jsonBody) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody))
			.build());
	}

	private Response send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		JsonNode body = response.body().isBlank() ? null : this.json.readTree(response.body());
		return new Response(response.statusCode(), body);
	}

	@Override
	public void close() {
		this.context.close();
	}

	record Response(int status, JsonNode body) {

	}

}
