/**
 * Retort internals: dialect.
 */
@NullMarked
package dev.retort.dialect;

import org.jspecify.annotations.NullMarked;
