/**
 * The commands behind the façade.
 */
@NullMarked
package dev.retort.internal.command;

import org.jspecify.annotations.NullMarked;
