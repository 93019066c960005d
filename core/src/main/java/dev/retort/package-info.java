/**
 * Retort's public façade: {@link dev.retort.Retort} and the types it takes and returns.
 */
@NullMarked
package dev.retort;

import org.jspecify.annotations.NullMarked;
