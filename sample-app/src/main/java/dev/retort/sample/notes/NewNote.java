package dev.retort.sample.notes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A note to create.
 *
 * @param title the title (required)
 * @param body the text
 * @param notebook the notebook's name; {@code Inbox} when absent, created when unknown
 * @param tags tag names; created when unknown
 */
public record NewNote(String title, @Nullable String body, @Nullable String notebook, @Nullable List<String> tags) {

}
