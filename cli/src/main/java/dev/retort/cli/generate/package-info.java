/**
 * Writing files: new revision files for {@code revision} and {@code merge} (SQL or Java), and the
 * project layout {@code init} creates.
 */
@NullMarked
package dev.retort.cli.generate;

import org.jspecify.annotations.NullMarked;
