/**
 * Text output in Alembic's wording: {@code history} lines, {@code heads}/{@code current} forms, the
 * verbose revision block, step lines ({@code Running upgrade a -> b, message}), and the revision
 * graph as Mermaid or DOT.
 */
@NullMarked
package dev.retort.cli.format;

import org.jspecify.annotations.NullMarked;
