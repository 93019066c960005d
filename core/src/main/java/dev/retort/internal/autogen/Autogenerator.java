package dev.retort.internal.autogen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.retort.AutogenerateOptions;
import dev.retort.DesiredSchema;
import dev.retort.CoreErrorCode;
import dev.retort.GeneratedRevision;
import dev.retort.ModelCheckResult;
import dev.retort.RetortException;
import dev.retort.RevisionFormat;
import dev.retort.ScratchOptions;
import dev.retort.internal.database.Databases;
import dev.retort.internal.ops.OfflineSession;
import dev.retort.internal.schema.ColumnForms;
import dev.retort.internal.schema.Renames;
import dev.retort.internal.schema.SchemaChange;
import dev.retort.NewRevision;
import dev.retort.internal.script.RevisionFileWriter;

import org.jspecify.annotations.Nullable;

/**
 * {@code check} and {@code revision --autogenerate} for one Retort: what the Retort knows of its
 * project (revision locations, own tables, own server) and how to replay its revisions.
 *
 * @param ownServer the server of the Retort's own URL, the default scratch server, if known
 * @param locations the revision locations (the first {@code filesystem:} one is written to)
 * @param excludedTables Retort's version and history tables
 * @param replay upgrades a scratch database to the heads with the Retort's revisions
 * @param heads the ids of the graph's heads
 * @param resolve the id of a revision by any identifier form
 */
public record Autogenerator(@Nullable ScratchOptions ownServer, List<String> locations, Set<String> excludedTables,
		Consumer<DataSource> replay, Supplier<List<String>> heads, Function<String, String> resolve) {

	/** Compares the model with the revisions. */
	public ModelCheckResult check(DesiredSchema model, @Nullable ScratchOptions scratch) {
		List<String> differences = comparison(scratch).run(model, Renames.NONE,
				found -> found.changes().stream().map(SchemaChange::describe).toList());
		return new ModelCheckResult(differences);
	}

	/** Writes the revision from the revisions' schema to the model, verified first; nothing when they agree. */
	public GeneratedRevision generate(DesiredSchema model, AutogenerateOptions options) {
		List<String> revises = revises(options.head());
		Path folder = folder(options);
		String id = (options.revisionId() != null) ? options.revisionId() : RevisionFileWriter.newId();
		LocalDateTime created = (options.createDate() != null) ? options.createDate()
				: LocalDateTime.now().withNano(0);
		NewRevision revision = new NewRevision(id, revises, options.message(), created, List.of(), List.of(), true);
		return comparison(options.scratch()).run(model, Renames.parse(options.renames()), found -> {
			if (found.changes().isEmpty()) {
				return GeneratedRevision.nothingToDo();
			}
			// A Java revision is for any engine: its types and defaults are the neutral ones that read back
			// the same here, and it is verified in that form.
			ColumnForms forms = (options.format() == RevisionFormat.JAVA)
					? new NeutralForms(found.current(), found.reader()).probe(found.changes()) : ColumnForms.AS_REPORTED;
			found.verifier().verify(found.current(), found.wanted(), found.changes(), forms);
			RevisionRenderer.Rendered rendered = render(found, revision, options, forms);
			Path file = folder.resolve(rendered.file().fileName());
			write(file, rendered.file().content());
			return new GeneratedRevision(file, id, rendered.file().content(),
					found.changes().stream().map(SchemaChange::text).toList(), rendered.warnings());
		});
	}

	/**
	 * Renders on the scratch engine; where its DDL depends on the schema (SQLite's batch mode), on an
	 * in-memory copy of the replayed revisions' schema that each change is applied to in turn.
	 */
	private static RevisionRenderer.Rendered render(ScratchComparison.Found found, NewRevision revision,
			AutogenerateOptions options, ColumnForms forms) {
		try (Connection current = found.current().getConnection();
				OfflineSession session = OfflineSession.copying(Databases.detect(current), current)) {
			return new RevisionRenderer(found.dialect(), session::operations).render(revision, found.changes(),
					options.format(), options.javaPackage(), forms);
		}
		catch (SQLException ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR,
					"Cannot read the scratch database: " + ex.getMessage(), ex);
		}
	}

	private ScratchComparison comparison(@Nullable ScratchOptions scratch) {
		ScratchOptions server = (scratch != null) ? scratch : this.ownServer;
		if (server == null) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION, "No scratch server: configure the Retort "
					+ "with a JDBC URL or give the scratch server (retort.scratchUrl / --scratch-url)");
		}
		return new ScratchComparison(server, this.replay, this.excludedTables);
	}

	private List<String> revises(@Nullable String head) {
		if (head != null) {
			return "base".equals(head) ? List.of() : List.of(this.resolve.apply(head));
		}
		List<String> all = this.heads.get();
		if (all.size() > 1) {
			throw new RetortException(CoreErrorCode.MULTIPLE_HEADS, "Multiple heads are present (" + String.join(", ", all)
					+ "); name the revision to revise (retort.head / --head), or merge the heads first");
		}
		return all;
	}

	private Path folder(AutogenerateOptions options) {
		if (options.outputDirectory() != null) {
			return options.outputDirectory();
		}
		if (options.format() == RevisionFormat.JAVA) {
			throw new RetortException(CoreErrorCode.INVALID_ARGUMENT,
					"A Java revision needs the output directory: the source folder of the revisions' package");
		}
		for (String location : this.locations) {
			if (location.startsWith("filesystem:")) {
				return Path.of(location.substring("filesystem:".length()));
			}
		}
		throw new RetortException(CoreErrorCode.INVALID_ARGUMENT,
				"No filesystem: location to write to in " + this.locations + "; give the output directory");
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new RetortException(CoreErrorCode.INVALID_ARGUMENT, "Cannot write " + file + ": " + ex, ex);
		}
	}
}
