package dev.retort.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A notes REST service. Retort migrates its database at startup from the revisions under
 * {@code src/main/resources/db/revisions} and the Java revisions in {@code dev.retort.sample.revisions};
 * embedded H2 by default, PostgreSQL with the {@code postgres} profile.
 */
@SpringBootApplication
public class NotesApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotesApplication.class, args);
	}

}
