package dev.retort;

/**
 * A rendered revision file, not yet written anywhere.
 *
 * @param fileName the suggested file name: {@code <id>_<slug>.sql} or {@code <ClassName>.java}
 * @param content the file's text (LF line endings, ending with a newline)
 */
public record RevisionFile(String fileName, String content) {
}
