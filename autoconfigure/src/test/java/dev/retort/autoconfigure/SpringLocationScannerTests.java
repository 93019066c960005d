package dev.retort.autoconfigure;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.LocationScanner;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Classpath locations listed with Spring's resource resolver, as the engine lists them itself. */
class SpringLocationScannerTests {

	private final SpringLocationScanner scanner = new SpringLocationScanner(new PathMatchingResourcePatternResolver());

	@Test
	void classpathLocationIsListedWithSourcesAndRelativePathsInOrder() throws IOException {
		List<LocationScanner.Found> found = this.scanner.scan("classpath:/db/actuator/");
		assertThat(found).extracting(LocationScanner.Found::relativePath)
			.containsExactly("aa00000000a1_create_widgets.sql", "bb00000000b2_add_widget_colour.sql",
					"cc00000000c3_index_widget_colour.sql");
		assertThat(found.get(0).source()).isEqualTo("classpath:db/actuator/aa00000000a1_create_widgets.sql");
		try (var in = found.get(0).opener().open()) {
			assertThat(new String(in.readAllBytes())).contains("Revision ID: aa00000000a1");
		}
	}

	@Test
	void unprefixedLocationIsAClasspathLocation() throws IOException {
		assertThat(this.scanner.scan("db/branched")).hasSize(3);
	}

	@Test
	void missingLocationIsEmptyAndOtherKindsAreLeftToTheEngine() throws IOException {
		assertThat(this.scanner.scan("classpath:db/nothing-here")).isEmpty();
		assertThat(this.scanner.scan("filesystem:/tmp")).isNull();
	}

}
