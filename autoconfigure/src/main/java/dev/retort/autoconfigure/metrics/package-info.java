/**
 * Micrometer support for Retort: an {@code Observation} per migration step (a timer with Boot's
 * meter handler, a span with tracing), and gauges for pending revisions and current heads.
 */
@NullMarked
package dev.retort.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
