package dev.retort.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the configuration metadata that spring-boot-configuration-processor generated from
 * {@link RetortProperties} and checks that every property is there and described.
 */
class RetortPropertiesMetadataTests {

	private static final Set<String> EXPECTED = Set.of("retort.enabled", "retort.locations", "retort.scan-packages",
			"retort.target", "retort.on-startup", "retort.version-table", "retort.history-table", "retort.schema",
			"retort.url", "retort.user", "retort.password", "retort.driver-class-name",
			"retort.transaction-per-revision", "retort.lock-timeout", "retort.validate-checksums",
			"retort.actuator.downgrade.enabled", "retort.connect-retries", "retort.connect-retries-interval",
			"retort.init-sqls", "retort.create-schemas");

	@Test
	void everyPropertyIsGeneratedWithADescription() throws Exception {
		JsonNode metadata = readMetadata();
		Set<String> names = new TreeSet<>();
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			names.add(name);
			JsonNode description = property.get("description");
			if (description == null || description.asString().isBlank()) {
				undescribed.add(name);
			}
		}
		assertThat(names).containsAll(EXPECTED);
		// The processor also describes the Actuator endpoint's own properties (access, cache).
		assertThat(names)
			.allMatch((name) -> name.startsWith("retort.") || name.startsWith("management.endpoint.migrations."));
		assertThat(names).contains("management.endpoint.migrations.access");
		assertThat(undescribed).as("properties without a description").isEmpty();
	}

	@Test
	void defaultsAreRecorded() throws Exception {
		JsonNode metadata = readMetadata();
		assertThat(defaultOf(metadata, "retort.enabled")).isEqualTo("true");
		assertThat(defaultOf(metadata, "retort.target")).isEqualTo("heads");
		assertThat(defaultOf(metadata, "retort.version-table")).isEqualTo("retort_version");
		assertThat(defaultOf(metadata, "retort.history-table")).isEqualTo("retort_history");
		assertThat(defaultOf(metadata, "retort.actuator.downgrade.enabled")).isEqualTo("false");
		assertThat(defaultOf(metadata, "retort.locations")).contains("classpath:db/revisions");
		assertThat(defaultOf(metadata, "retort.connect-retries")).isEqualTo("0");
		assertThat(defaultOf(metadata, "retort.connect-retries-interval")).isEqualTo("120s");
		assertThat(defaultOf(metadata, "retort.create-schemas")).isEqualTo("true");
	}

	private static String defaultOf(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				JsonNode value = property.get("defaultValue");
				return (value == null) ? "<none>" : value.toString().replace("\"", "");
			}
		}
		throw new AssertionError("no property " + name);
	}

	/** This module's metadata file: the one whose groups include {@code retort}. */
	private static JsonNode readMetadata() throws Exception {
		JsonMapper mapper = JsonMapper.builder().build();
		Enumeration<URL> candidates = RetortProperties.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (candidates.hasMoreElements()) {
			try (InputStream in = candidates.nextElement().openStream()) {
				JsonNode metadata = mapper.readTree(in);
				for (JsonNode group : metadata.path("groups")) {
					if (group.path("name").asString().equals("retort")) {
						return metadata;
					}
				}
			}
		}
		throw new AssertionError("no generated spring-configuration-metadata.json with a 'retort' group");
	}

}
