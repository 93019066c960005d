/** Java revisions of the sample's schema: data migrations that are easier in Java than in SQL. */
@NullMarked
package dev.retort.sample.revisions;

import org.jspecify.annotations.NullMarked;
