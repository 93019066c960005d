package dev.retort.autoconfigure.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.retort.autoconfigure.RetortAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Prometheus name docs/actuator.md uses (in its metrics section, and so in its alert examples)
 * is in a real Prometheus scrape of an application that migrated, with Boot's own metrics,
 * observation and Prometheus auto-configuration: a documented alert cannot silently never fire.
 */
class PrometheusNamesTests {

	private static final Pattern PROMETHEUS_NAME = Pattern.compile("\\bretort_[a-z_]+\\b");

	@Test
	void everyDocumentedPrometheusNameIsScraped() throws IOException {
		Set<String> documented = documentedNames();
		assertThat(documented).contains("retort_revisions_pending", "retort_migration_seconds_count");
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, RetortAutoConfiguration.class,
					RetortMetricsAutoConfiguration.class, ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					PrometheusMetricsExportAutoConfiguration.class))
			.withPropertyValues("retort.locations=classpath:db/actuator",
					"spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
				Set<String> scraped = sampleNames(scrape);
				assertThat(scraped).as("Prometheus scrape:%n%s", scrape).containsAll(documented);
				// The documented alert's series exist with the documented labels.
				assertThat(scrape).containsPattern("retort_revisions_pending\\{bean=\"retort\"[^}]*} 0\\.0")
					.containsPattern("retort_migration_seconds_count\\{[^}]*outcome=\"success\"");
			});
	}

	/** The {@code retort_*} names of the "Metrics and tracing" section of docs/actuator.md. */
	private static Set<String> documentedNames() throws IOException {
		String docs = Files.readString(docsPage());
		int start = docs.indexOf("## Metrics and tracing");
		int end = docs.indexOf("\n## ", start + 1);
		assertThat(start).as("docs/actuator.md has a 'Metrics and tracing' section").isNotNegative();
		Matcher matcher = PROMETHEUS_NAME.matcher(docs.substring(start, (end > 0) ? end : docs.length()));
		Set<String> names = new LinkedHashSet<>();
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	private static Path docsPage() {
		// Surefire runs in the module folder; the docs are beside the modules.
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path page = dir.resolve("docs/actuator.md");
			if (Files.isRegularFile(page)) {
				return page;
			}
		}
		throw new IllegalStateException("docs/actuator.md not found above " + Path.of("").toAbsolutePath());
	}

	private static Set<String> sampleNames(String scrape) {
		List<String> names = new ArrayList<>();
		Arrays.stream(scrape.split("\n"))
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.forEach((line) -> names.add(line.split("[{ ]", 2)[0]));
		return new LinkedHashSet<>(names);
	}

}
