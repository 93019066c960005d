/**
 * Retort internals: runtime.
 */
@NullMarked
package dev.retort.internal.execution;

import org.jspecify.annotations.NullMarked;
