/**
 * Retort internals: graph.
 */
@NullMarked
package dev.retort.internal.graph;

import org.jspecify.annotations.NullMarked;
