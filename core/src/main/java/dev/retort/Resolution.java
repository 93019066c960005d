package dev.retort;

/**
 * How an operator resolved an interrupted revision ({@link Retort#resolve(String, Resolution)}).
 */
public enum Resolution {

	/**
	 * The operator undid the partial work by hand: the attempt is marked abandoned and the revision
	 * stays unapplied, so the next upgrade runs it again.
	 */
	ROLLED_BACK,

	/**
	 * The operator completed the revision by hand: it is marked applied (version rows changed as
	 * the step would have, as {@code stamp} does) with its current checksum.
	 */
	APPLIED
}
