package dev.retort.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample booted from its executable jar ({@code java -jar}) as a separate process: its revisions
 * are read from the nested application jar through {@code jar:nested:} URLs, the Java revision
 * runs, and the application serves the migrated data.
 */
class NotesExecutableJarIT {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	@Test
	void executableJarMigratesAndServes() throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar", "target/retort-sample-app-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
				"--server.port=0", "--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.start();
		List<String> output = new ArrayList<>();
		try {
			CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> awaitPort(process, output));
			int started = port.get(120, TimeUnit.SECONDS);
			assertThat(started).as("started; output:%n%s", String.join("\n", output)).isPositive();
			synchronized (output) {
				assertThat(output).anyMatch((line) -> line.contains("Retort: applied 8 revision(s)")
						&& line.contains("database now at e4a1c7b9d308"));
				assertThat(output).anyMatch((line) -> line.contains("classpath:db/revisions")
						|| line.contains("Loaded 8 revisions"));
			}
			HttpResponse<String> notes = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + started + "/notes")).GET().build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(notes.statusCode()).isEqualTo(200);
			assertThat(notes.body()).contains("welcome-to-retort-notes-1", "expand-backfill-contract-2");
		}
		finally {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	/** Reads the process's output until Tomcat reports its port; -1 if the process ends first. */
	private static int awaitPort(Process process, List<String> output) {
		// Not closed here: once the port is known, a daemon thread keeps reading until the process ends.
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		try {
			String line;
			while ((line = reader.readLine()) != null) {
				synchronized (output) {
					output.add(line);
				}
				Matcher matcher = PORT.matcher(line);
				if (matcher.find()) {
					// Keep draining, so the process never blocks on a full pipe.
					Thread drainer = new Thread(() -> drain(reader), "sample-output");
					drainer.setDaemon(true);
					drainer.start();
					return Integer.parseInt(matcher.group(1));
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static void drain(BufferedReader reader) {
		try {
			while (reader.readLine() != null) {
				// discard
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

}
