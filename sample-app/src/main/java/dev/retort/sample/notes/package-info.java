/** Notes, notebooks and tags: a REST API over {@code JdbcClient}. */
@NullMarked
package dev.retort.sample.notes;

import org.jspecify.annotations.NullMarked;
