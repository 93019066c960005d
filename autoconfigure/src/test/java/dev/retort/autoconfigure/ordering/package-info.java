/** Test application types for database-initialization ordering. */
@NullMarked
package dev.retort.autoconfigure.ordering;

import org.jspecify.annotations.NullMarked;
