/**
 * Retort internals: runtime.
 */
@NullMarked
package dev.retort.runtime;

import org.jspecify.annotations.NullMarked;
