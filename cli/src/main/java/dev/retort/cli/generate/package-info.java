/**
 * Writing files: the project layout {@code init} creates, Alembic's {@code ... done} status lines,
 * and the package of a {@code revision --java} class. Revision files themselves are rendered by
 * {@link dev.retort.NewRevision}.
 */
@NullMarked
package dev.retort.cli.generate;

import org.jspecify.annotations.NullMarked;
