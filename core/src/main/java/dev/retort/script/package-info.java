/**
 * Retort internals: script.
 */
@NullMarked
package dev.retort.script;

import org.jspecify.annotations.NullMarked;
