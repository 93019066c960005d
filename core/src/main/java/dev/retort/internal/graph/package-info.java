/**
 * The revision graph as Alembic defines it: building and checking it from the loaded revisions,
 * resolving targets ({@code heads}, prefixes, {@code label@head}, relative steps, ranges), and
 * planning upgrades, downgrades and stamps with their version-row changes.
 */
@NullMarked
package dev.retort.internal.graph;

import org.jspecify.annotations.NullMarked;
