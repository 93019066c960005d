package dev.retort.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import dev.retort.AutogenerateOptions;
import dev.retort.DesiredSchema;
import dev.retort.CoreErrorCode;
import dev.retort.cli.CliErrorCode;
import dev.retort.GeneratedRevision;
import dev.retort.RetortException;
import dev.retort.RevisionFormat;
import dev.retort.ScratchOptions;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.config.Settings;
import dev.retort.cli.generate.JavaPackages;
import org.jspecify.annotations.Nullable;

/**
 * {@code retort revision --autogenerate}: asks the engine for the revision from the revisions'
 * schema to the model and says what it wrote; the changes to review go to standard error.
 */
final class AutogenerateRevision {

	private final RetortCommand root;

	AutogenerateRevision(RetortCommand root) {
		this.root = root;
	}

	/** What the user asked for. */
	record Request(@Nullable String message, @Nullable String head, DesiredSchema model, ScratchOptions scratch,
			List<String> renames, @Nullable String revId, @Nullable String versionPath, boolean java) {
	}

	void write(Request request, PrintWriter out) {
		Path folder = folder(request);
		AutogenerateOptions options = AutogenerateOptions
			.message((request.message() != null) ? request.message() : "empty message")
			.withHead(request.head())
			.withFormat(request.java() ? RevisionFormat.JAVA : RevisionFormat.SQL)
			.withRenames(request.renames())
			.withOutputDirectory(folder)
			.withJavaPackage(request.java() ? JavaPackages.packageFor(folder) : "")
			.withScratch(request.scratch())
			.withIdentity(request.revId(), null);
		GeneratedRevision generated = this.root.graph().autogenerate(request.model(), options);
		if (!generated.written()) {
			out.println("No changes in schema detected: the revisions already give the model; nothing written.");
			return;
		}
		generated.changes().forEach((change) -> out.println("  Detected " + change));
		out.println("  Generating " + generated.file() + " ...  done");
		PrintWriter err = this.root.err();
		generated.warnings().forEach((warning) -> err.println("REVIEW: " + warning));
		err.flush();
	}

	private Path folder(Request request) {
		Path workingDirectory = this.root.context().workingDirectory();
		if (request.versionPath() != null) {
			return workingDirectory.resolve(request.versionPath()).toAbsolutePath().normalize();
		}
		if (request.java()) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "--java needs --version-path: the source folder of "
					+ "a package the application scans for revisions (e.g. src/main/java/com/acme/db/revisions)");
		}
		Settings settings = this.root.settings();
		List<Path> locations = settings.filesystemLocations();
		if (locations.isEmpty()) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION,
					"No filesystem: location to write to in " + settings.locations() + "; give --version-path");
		}
		return locations.get(0);
	}
}
