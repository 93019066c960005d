/** The start of a Spring Boot application with Retort, with Flyway and with no migration tool, as fresh processes. */
package dev.retort.bench.boot;
