/**
 * The Maven goals {@code retort:autogenerate} and {@code retort:check}, run in the application's
 * module on its compiled entities; they use Retort's public API only.
 */
@NullMarked
package dev.retort.maven;

import org.jspecify.annotations.NullMarked;
