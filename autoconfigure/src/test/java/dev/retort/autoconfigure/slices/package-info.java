/**
 * A small JPA application with a Java revision as a Spring bean, for the slice tests.
 */
@NullMarked
package dev.retort.autoconfigure.slices;

import org.jspecify.annotations.NullMarked;
