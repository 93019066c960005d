package dev.retort;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares a {@link Migration}'s place in the revision graph, as the header of a SQL revision does. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

	/** The revision id. */
	String id();

	/** The down revisions: none for a base, several for a merge. */
	String[] revises() default {};

	/** The message shown by {@code history}. */
	String message() default "";

	/** Branch labels declared on this revision. */
	String[] branchLabels() default {};

	/** Revisions (ids or branch labels) this revision depends on. */
	String[] dependsOn() default {};

	/** Whether the revision runs inside a transaction. */
	boolean transactional() default true;
}
