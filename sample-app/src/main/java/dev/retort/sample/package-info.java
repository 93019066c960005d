/** A small notes service migrated by Retort: the application entry point. */
@NullMarked
package dev.retort.sample;

import org.jspecify.annotations.NullMarked;
