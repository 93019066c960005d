package dev.retort.autoconfigure.slices;

import dev.retort.autoconfigure.ordering.Thing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The application the slice tests find: the things revisions, plus {@link AddSecondThing} as a bean. */
@SpringBootApplication
@EntityScan(basePackageClasses = Thing.class)
public class SliceApplication {

}
