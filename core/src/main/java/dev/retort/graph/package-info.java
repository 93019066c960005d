/**
 * Retort internals: graph.
 */
@NullMarked
package dev.retort.graph;

import org.jspecify.annotations.NullMarked;
