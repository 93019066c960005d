/**
 * H2: its dialect, SQL renderer and lock.
 */
@NullMarked
package dev.retort.internal.database.h2;

import org.jspecify.annotations.NullMarked;
