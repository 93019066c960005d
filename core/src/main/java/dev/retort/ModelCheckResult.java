package dev.retort;

import java.util.List;

/**
 * What {@link Retort#checkModel} found: the steps from the schema of the revisions (replayed base
 * to heads) to the model, one line each naming the table and column or object, in the order an
 * upgrade would take them (stable for the same inputs). Empty when they agree.
 *
 * @param differences one line per difference, with review markers ({@code [destructive]}, ...)
 */
public record ModelCheckResult(List<String> differences) {

	public ModelCheckResult {
		differences = List.copyOf(differences);
	}

	/** Whether the model and the revisions agree. */
	public boolean clean() {
		return this.differences.isEmpty();
	}

	/**
	 * Fails when they disagree.
	 * @throws RetortException {@link CoreErrorCode#MODEL_DRIFT} listing the differences
	 */
	public void requireClean() {
		if (!clean()) {
			throw new RetortException(CoreErrorCode.MODEL_DRIFT, "The model and the revisions differ in "
					+ this.differences.size() + " place(s): " + String.join("; ", this.differences));
		}
	}
}
