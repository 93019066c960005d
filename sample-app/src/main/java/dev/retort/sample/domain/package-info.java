/**
 * The notes domain as JPA entities: the model {@code retort:check} compares with the revisions in
 * {@code db/revisions} and {@code retort:autogenerate} writes new revisions from. Hibernate never
 * creates or changes the schema ({@code spring.jpa.hibernate.ddl-auto=none}): Retort's revisions do.
 */
@NullMarked
package dev.retort.sample.domain;

import org.jspecify.annotations.NullMarked;
