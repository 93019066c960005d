/**
 * The {@code retort} command: Alembic's verbs for developers and operators, over the
 * {@link dev.retort.Retort} façade. {@link dev.retort.cli.Main} is the jar's entry point;
 * {@link dev.retort.cli.RetortCli} parses, runs one verb and turns failures into one
 * {@code ERROR [CODE] message} line and an exit code.
 */
@NullMarked
package dev.retort.cli;

import org.jspecify.annotations.NullMarked;
