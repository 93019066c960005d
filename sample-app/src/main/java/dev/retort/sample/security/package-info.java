/**
 * Security of the sample's Actuator: health open for probes, migration status for operators, the
 * migration downgrade for migration administrators.
 */
@NullMarked
package dev.retort.sample.security;

import org.jspecify.annotations.NullMarked;
