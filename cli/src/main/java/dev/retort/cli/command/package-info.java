/**
 * One class per verb ({@code init}, {@code revision}, {@code upgrade}, ...). Each writes only its
 * output to standard output; diagnostics go to standard error.
 */
@NullMarked
package dev.retort.cli.command;

import org.jspecify.annotations.NullMarked;
