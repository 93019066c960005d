/**
 * Autogenerate and check behind {@link dev.retort.Retort#checkModel} and
 * {@link dev.retort.Retort#autogenerate}: one run on two scratch databases (revisions replayed in
 * one, the model created in the other), compared by the schema engine of
 * {@link dev.retort.internal.schema}, and the rendering of a verified change list as a revision file.
 */
@NullMarked
package dev.retort.internal.autogen;

import org.jspecify.annotations.NullMarked;
