package dev.retort;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Retort#autogenerate} did: the revision written, or nothing when the revisions already
 * give the model.
 *
 * @param file the file written, or {@code null} when there was nothing to do
 * @param id the new revision's id ({@code ""} when nothing was written)
 * @param text the file's content ({@code ""} when nothing was written)
 * @param changes the upgrade's steps, one line each
 * @param warnings the steps to review (destructive, data-dependent, possible renames), one line each
 */
public record GeneratedRevision(@Nullable Path file, String id, String text, List<String> changes,
		List<String> warnings) {

	public GeneratedRevision {
		changes = List.copyOf(changes);
		warnings = List.copyOf(warnings);
	}

	/** Nothing to do: no file. */
	public static GeneratedRevision nothingToDo() {
		return new GeneratedRevision(null, "", "", List.of(), List.of());
	}

	/** Whether a file was written. */
	public boolean written() {
		return this.file != null;
	}
}
