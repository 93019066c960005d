/**
 * Actuator support for Retort: the {@code migrations} endpoint (status, history, one revision with
 * its SQL, and a guarded downgrade) and the {@code migrations} health contributor.
 */
@NullMarked
package dev.retort.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
