package dev.retort.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.retort.CoreErrorCode;
import dev.retort.NewRevision;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.RevisionFile;
import dev.retort.RevisionInfo;
import dev.retort.cli.CliErrorCode;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.config.Settings;
import dev.retort.cli.format.RevisionIndex;
import dev.retort.cli.format.RevisionSources;
import dev.retort.cli.generate.JavaPackages;
import dev.retort.cli.generate.Status;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new revision file (rendered by {@link NewRevision}), as Alembic's {@code ScriptDirectory.generate_revision} does for
 * {@code revision} and {@code merge}: resolves the revisions it revises (the head by default),
 * refuses a non-head without {@code --splice}, resolves dependencies, picks the folder, writes the
 * file and checks the graph still loads (removing the file again if it does not).
 */
final class RevisionFileCreator {

	/** Alembic's advice when {@code head} is ambiguous. */
	static final String MULTIPLE_HEADS_ADVICE = "Multiple heads are present; please specify the head revision on "
			+ "which the new revision should be based, or perform a merge.";

	private final RetortCommand root;

	private final Retort graph;

	private final RevisionIndex index;

	RevisionFileCreator(RetortCommand root) {
		this.root = root;
		this.graph = root.graph();
		this.index = new RevisionIndex(this.graph.history(null));
	}

	/** What the user asked for. */
	record Request(@Nullable String message, List<String> heads, boolean splice, List<String> branchLabels,
			List<String> dependsOn, @Nullable String revId, @Nullable String versionPath, boolean java) {
	}

	/** Writes the file and returns its path. */
	Path write(Request request, PrintWriter out) {
		String id = revisionId(request.revId());
		List<String> downRevisions = downRevisions(request.heads(), request.splice());
		List<String> labels = branchLabels(request.branchLabels());
		List<String> dependsOn = dependencies(request.dependsOn());
		String message = (request.message() != null) ? request.message() : "empty message";
		NewRevision revision = new NewRevision(id, downRevisions, message, LocalDateTime.now().withNano(0), labels,
				dependsOn, true);
		Path folder = folder(request, downRevisions);
		RevisionFile rendered = request.java()
				? revision.javaFile(JavaPackages.packageFor(folder)) : revision.sqlFile();
		Path file = folder.resolve(rendered.fileName());
		String text = rendered.content();
		writeFile(file, text, out);
		if (request.java()) {
			noteJavaVisibility(id, JavaPackages.packageFor(folder));
		}
		else {
			checkLoads(file);
		}
		return file;
	}

	/**
	 * The graph the CLI sees holds a Java revision only once its class is compiled and found through
	 * {@code --classpath}/{@code --scan-packages}; until then a following {@code revision} would revise
	 * the previous head and fork the graph. Said on stderr, once, where it matters.
	 */
	private void noteJavaVisibility(String id, String javaPackage) {
		Settings settings = this.root.settings();
		boolean scanned = settings.scanPackages().stream()
			.anyMatch((scan) -> javaPackage.equals(scan) || javaPackage.startsWith(scan + "."));
		String advice = scanned ? "compile it (its class folder or jar on --classpath) before the next 'revision' or "
				+ "'upgrade'" : "compile it and give its class folder or jar with --classpath and package '"
						+ javaPackage + "' with --scan-packages (or classpath=/scan-packages= in the properties file)";
		this.root.err().println("Note: the CLI sees Java revision " + id + " only as a compiled class: " + advice
				+ "; until then a new revision would revise the previous head.");
		this.root.err().flush();
	}

	private String revisionId(@Nullable String requested) {
		String id = (requested != null) ? requested : NewRevision.newId();
		String problem = NewRevision.idProblem(id);
		if (problem != null) {
			throw new RetortException(CoreErrorCode.ILLEGAL_REVISION_ID, problem);
		}
		RevisionInfo existing = this.index.find(id);
		if (existing != null) {
			throw new RetortException(CoreErrorCode.DUPLICATE_REVISION,
					"Revision " + id + " already exists (" + existing.source() + ")");
		}
		return id;
	}

	/** Alembic's resolution of {@code --head} (default {@code head}) into the new file's down revisions. */
	List<String> downRevisions(List<String> heads, boolean splice) {
		List<String> specs = heads.isEmpty() ? List.of("head") : heads;
		List<RevisionInfo> resolved = new ArrayList<>();
		try {
			for (String spec : specs) {
				switch (spec) {
					case "base" -> {
					}
					case "head" -> {
						List<RevisionInfo> all = this.graph.heads();
						if (all.size() > 1) {
							throw new RetortException(CoreErrorCode.MULTIPLE_HEADS, MULTIPLE_HEADS_ADVICE);
						}
						resolved.addAll(all);
					}
					case "heads" -> this.graph.heads().stream().filter(this.index::isRealHead).forEach(resolved::add);
					default -> resolved.add(this.graph.revision(spec));
				}
			}
		}
		catch (RetortException ex) {
			if (ex.code() == CoreErrorCode.MULTIPLE_HEADS && !MULTIPLE_HEADS_ADVICE.equals(ex.getMessage())) {
				throw new RetortException(CoreErrorCode.MULTIPLE_HEADS, MULTIPLE_HEADS_ADVICE + " (" + ex.getMessage()
						+ ")", ex);
			}
			throw ex;
		}
		List<String> ids = resolved.stream().map(RevisionInfo::id).toList();
		if (new LinkedHashSet<>(ids).size() != ids.size()) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "Duplicate head revisions specified");
		}
		if (!splice) {
			for (RevisionInfo revision : resolved) {
				if (!revision.head()) {
					throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "Revision " + revision.id()
							+ " is not a head revision; please specify --splice to create a new branch from this "
							+ "revision");
				}
			}
		}
		return ids;
	}

	private List<String> branchLabels(List<String> labels) {
		for (String label : labels) {
			String problem = NewRevision.labelProblem(label);
			if (problem != null) {
				throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "Branch label: " + problem);
			}
			for (RevisionInfo revision : this.index.all()) {
				if (revision.declaredBranchLabels().contains(label) || revision.id().equals(label)) {
					throw new RetortException(CoreErrorCode.DUPLICATE_BRANCH_LABEL,
							"Branch name '" + label + "' is already used by revision " + revision.id());
				}
			}
		}
		return List.copyOf(new LinkedHashSet<>(labels));
	}

	/** Alembic keeps a dependency given as a branch label, and turns a prefix into the full id. */
	private List<String> dependencies(List<String> dependsOn) {
		List<String> resolved = new ArrayList<>();
		for (String dependency : dependsOn) {
			RevisionInfo revision = this.graph.revision(dependency);
			resolved.add(revision.branchLabels().contains(dependency) ? dependency : revision.id());
		}
		return resolved;
	}

	private Path folder(Request request, List<String> downRevisions) {
		Settings settings = this.root.settings();
		List<Path> locations = settings.filesystemLocations();
		Path workingDirectory = this.root.context().workingDirectory();
		if (request.versionPath() != null) {
			Path path = workingDirectory.resolve(request.versionPath()).toAbsolutePath().normalize();
			if (!request.java() && !locations.contains(path)) {
				throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "Path " + path
						+ " is not represented in current version locations " + settings.locations());
			}
			return path;
		}
		if (request.java()) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "--java needs --version-path: the source folder of "
					+ "a package the application scans for revisions (e.g. src/main/java/com/acme/db/revisions)");
		}
		if (locations.size() == 1) {
			return locations.get(0);
		}
		if (locations.isEmpty()) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION,
					"No filesystem: location to write to in " + settings.locations() + "; give --version-path");
		}
		for (String down : downRevisions) {
			RevisionInfo parent = this.index.find(down);
			Path parentFile = (parent != null) ? RevisionSources.file(parent.source()) : null;
			if (parentFile != null) {
				Path parentFolder = parentFile.toAbsolutePath().normalize().getParent();
				for (Path location : locations) {
					if (parentFolder != null && parentFolder.startsWith(location)) {
						return parentFolder;
					}
				}
			}
		}
		throw new RetortException(CliErrorCode.INVALID_ARGUMENT,
				"Multiple version locations present, please specify --version-path");
	}

	private static void writeFile(Path file, String text, PrintWriter out) {
		try {
			Files.createDirectories(file.getParent());
			Status.run(out, "Generating " + file, () -> Files.writeString(file, text,
					StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
		}
		catch (IOException ex) {
			throw new RetortException(CliErrorCode.IO_ERROR, "Cannot write " + file + ": " + ex, ex);
		}
	}

	/** The new file must keep the graph loadable; if it does not, it is removed again. */
	private void checkLoads(Path file) {
		try {
			this.root.graph().heads();
		}
		catch (RuntimeException ex) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException deleteFailure) {
				ex.addSuppressed(deleteFailure);
			}
			throw ex;
		}
	}
}
