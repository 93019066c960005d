package dev.retort.hibernate.plain;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;

/** An {@code @EntityScan} on a configuration class other than the application class. */
@Configuration(proxyBeanMethods = false)
@EntityScan({ "dev.retort.hibernate.plain", "dev.retort.hibernate.shared" })
public class PlainEntityScanConfiguration {

	public PlainEntityScanConfiguration() {
		throw new IllegalStateException("Configuration classes must never be instantiated");
	}

}
