package dev.retort.hibernate.plain;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application without {@code @EntityScan}: its own package is scanned, as in Boot. */
@SpringBootApplication
public class PlainApplication {

}
