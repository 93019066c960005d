package dev.retort.hibernate.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The test project's application class: never started, only read for its packages. */
@SpringBootApplication
@EntityScan({ "dev.retort.hibernate.sample", "dev.retort.hibernate.shared" })
public class SampleApplication {

	public SampleApplication() {
		throw new IllegalStateException("The application class must never be instantiated");
	}

}
