package dev.retort.sample.notes;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A note as the API returns it.
 *
 * @param id the database id
 * @param slug the note's URL name, unique
 * @param notebook the notebook's name
 * @param title the title
 * @param body the text
 * @param tags the tags, sorted
 * @param createdAt when it was written
 * @param archivedAt when it was archived, if it was
 */
public record Note(long id, String slug, String notebook, String title, String body, List<String> tags,
		Instant createdAt, @Nullable Instant archivedAt) {

	public Note {
		tags = List.copyOf(tags);
	}

}
