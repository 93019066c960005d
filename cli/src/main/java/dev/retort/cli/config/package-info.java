/**
 * Where the CLI's settings come from (options, environment, {@code retort.properties}, in that
 * order of precedence), the connection they describe, and keeping the password out of every output.
 */
@NullMarked
package dev.retort.cli.config;

import org.jspecify.annotations.NullMarked;
