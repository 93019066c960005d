/**
 * Retort internals: ops.
 */
@NullMarked
package dev.retort.ops;

import org.jspecify.annotations.NullMarked;
