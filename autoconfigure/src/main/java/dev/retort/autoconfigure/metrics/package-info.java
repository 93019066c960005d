/**
 * Micrometer support for Retort: a timer per migration step, gauges for pending revisions and
 * current heads, and an {@code Observation} per step for tracing.
 */
@NullMarked
package dev.retort.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
