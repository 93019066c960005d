package dev.retort;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Retort#autogenerate} writes, and where. Start from {@link #message(String)} and
 * change one value at a time with the {@code with...} methods.
 *
 * @param message the revision's message
 * @param head the revision to revise, by any identifier form; {@code null} for the single head
 * (several heads without it fail with {@link CoreErrorCode#MULTIPLE_HEADS})
 * @param format SQL (default) or JAVA
 * @param renames declared column renames, {@code table.old=new} each: a drop and an add so named
 * become one rename
 * @param outputDirectory the folder to write to; {@code null} for the first {@code filesystem:}
 * location (required for JAVA: the source folder of the revisions' package)
 * @param javaPackage the package of a JAVA revision ({@code ""} for the default package)
 * @param scratch the scratch server, or {@code null} for the server of the Retort's own URL
 * @param revisionId the new revision's id, or {@code null} for a random one
 * @param createDate the {@code Create Date}, or {@code null} for now
 */
public record AutogenerateOptions(String message, @Nullable String head, RevisionFormat format, List<String> renames,
		@Nullable Path outputDirectory, String javaPackage, @Nullable ScratchOptions scratch,
		@Nullable String revisionId, @Nullable LocalDateTime createDate) {

	public AutogenerateOptions {
		renames = List.copyOf(renames);
	}

	/** SQL, on the single head, into the first filesystem location, on the default scratch server. */
	public static AutogenerateOptions message(String message) {
		return new AutogenerateOptions(message, null, RevisionFormat.SQL, List.of(), null, "", null, null, null);
	}

	public AutogenerateOptions withHead(@Nullable String head) {
		return new AutogenerateOptions(this.message, head, this.format, this.renames, this.outputDirectory,
				this.javaPackage, this.scratch, this.revisionId, this.createDate);
	}

	public AutogenerateOptions withFormat(RevisionFormat format) {
		return new AutogenerateOptions(this.message, this.head, format, this.renames, this.outputDirectory,
				this.javaPackage, this.scratch, this.revisionId, this.createDate);
	}

	public AutogenerateOptions withRenames(List<String> renames) {
		return new AutogenerateOptions(this.message, this.head, this.format, renames, this.outputDirectory,
				this.javaPackage, this.scratch, this.revisionId, this.createDate);
	}

	public AutogenerateOptions withOutputDirectory(@Nullable Path outputDirectory) {
		return new AutogenerateOptions(this.message, this.head, this.format, this.renames, outputDirectory,
				this.javaPackage, this.scratch, this.revisionId, this.createDate);
	}

	public AutogenerateOptions withJavaPackage(String javaPackage) {
		return new AutogenerateOptions(this.message, this.head, this.format, this.renames, this.outputDirectory,
				javaPackage, this.scratch, this.revisionId, this.createDate);
	}

	public AutogenerateOptions withScratch(@Nullable ScratchOptions scratch) {
		return new AutogenerateOptions(this.message, this.head, this.format, this.renames, this.outputDirectory,
				this.javaPackage, scratch, this.revisionId, this.createDate);
	}

	/** A fixed id and create date: the same inputs then give byte-identical files. */
	public AutogenerateOptions withIdentity(@Nullable String revisionId, @Nullable LocalDateTime createDate) {
		return new AutogenerateOptions(this.message, this.head, this.format, this.renames, this.outputDirectory,
				this.javaPackage, this.scratch, revisionId, createDate);
	}
}
