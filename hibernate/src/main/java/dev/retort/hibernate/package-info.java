/**
 * The JPA model as a create script: a Spring Boot project's entities, found and mapped by Hibernate the
 * way Spring Boot would map them, turned into the {@code CREATE} statements Hibernate emits for a given
 * database engine and version. Entry point: {@link dev.retort.hibernate.JpaModel}. Nothing here starts
 * the application or connects to its database.
 */
@NullMarked
package dev.retort.hibernate;

import org.jspecify.annotations.NullMarked;
