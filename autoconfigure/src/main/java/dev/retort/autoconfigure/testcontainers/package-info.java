/**
 * Testcontainers support: a {@code @ServiceConnection} JDBC container feeds Retort's connection.
 */
@NullMarked
package dev.retort.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
