package dev.retort.sample.notes;

/**
 * A tag and how many active (not archived) notes carry it.
 *
 * @param tag the tag's name
 * @param notes the number of active notes
 */
public record TagCount(String tag, long notes) {

}
