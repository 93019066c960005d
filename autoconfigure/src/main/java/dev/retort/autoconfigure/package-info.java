/**
 * Spring Boot auto-configuration for Retort: properties, the engine bean, startup migration, the
 * choice of the migration {@code DataSource}, database-initialization ordering and failure analysis.
 */
@NullMarked
package dev.retort.autoconfigure;

import org.jspecify.annotations.NullMarked;
