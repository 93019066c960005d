/**
 * How {@link dev.retort.hibernate.JpaModel} works: locating the application class, reading its
 * {@code spring.jpa.*} configuration, scanning entities and driving Hibernate's schema creator. Not API.
 */
@NullMarked
package dev.retort.hibernate.internal;

import org.jspecify.annotations.NullMarked;
