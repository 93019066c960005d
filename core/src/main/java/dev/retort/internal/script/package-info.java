/**
 * Revision scripts: finding, reading and splitting SQL revision files and Java revision classes.
 * <p>
 * {@link dev.retort.internal.script.RevisionLoader} turns locations, scanned packages and given
 * {@link dev.retort.Migration} instances into {@link dev.retort.internal.script.RevisionScript}s in
 * deterministic load order. Loading reads only the header of each SQL file; the body and the
 * checksum are read once, on first use.
 */
@NullMarked
package dev.retort.internal.script;

import org.jspecify.annotations.NullMarked;
