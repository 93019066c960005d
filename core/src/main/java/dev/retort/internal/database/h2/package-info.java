/**
 * H2 2.x: its {@code Database} (a lock row with a heartbeat; DDL commits the open transaction),
 * dialect (identifier case from the URL or the metadata) and SQL renderer.
 */
@NullMarked
package dev.retort.internal.database.h2;

import org.jspecify.annotations.NullMarked;
