package dev.retort.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.retort.CoreErrorCode;
import dev.retort.MigrationListener;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.RevisionInfo;
import dev.retort.cli.CliErrorCode;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.format.AlembicFormat;
import dev.retort.cli.format.RevisionSources;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code retort edit REV}: opens the file of the revision(s) {@code REV} names in {@code $EDITOR}
 * (else {@code $VISUAL}), as {@code alembic edit} does; {@code current} names the database's current
 * revisions, {@code heads} every head. Only files on the file system can be opened: a Java revision is
 * a compiled class and a {@code classpath:} revision may sit in a jar, so both are refused clearly.
 */
@Command(name = "edit", mixinStandardHelpOptions = true, description = "Edit revision script(s) using $EDITOR.")
public final class EditCommand extends Verb {

	/** Environment variables naming the editor, in the order they are consulted (Alembic's). */
	static final List<String> EDITOR_VARIABLES = List.of("EDITOR", "VISUAL");

	@Parameters(index = "0", paramLabel = "REV", description = "Revision: an id or prefix, head, heads, current, "
			+ "label@head, ...")
	String revision;

	@Override
	protected void run() throws IOException, InterruptedException {
		List<String> editor = editorCommand(this.root.context().environment());
		for (Path file : files()) {
			List<String> command = new ArrayList<>(editor);
			command.add(file.toString());
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.context().workingDirectory().toFile())
				.inheritIO();
			builder.environment().putAll(this.root.context().environment());
			Process process;
			try {
				process = builder.start();
			}
			catch (IOException ex) {
				throw new RetortException(CliErrorCode.IO_ERROR, "Cannot start the editor '" + String.join(" ", editor)
						+ "' (from $" + editorVariable(this.root.context().environment()) + "): " + ex.getMessage(), ex);
			}
			int status = process.waitFor();
			if (status != 0) {
				throw new RetortException(CliErrorCode.IO_ERROR, "The editor '" + String.join(" ", editor)
						+ "' exited with status " + status + " for " + file);
			}
		}
	}

	/** The files to open: every revision {@code REV} names must be a file. */
	private List<Path> files() {
		boolean current = "current".equals(this.revision);
		Retort retort = current ? this.root.database(MigrationListener.NONE) : this.root.graph();
		List<RevisionInfo> revisions = new ArrayList<>();
		if (current) {
			AlembicFormat format = this.root.format(retort);
			retort.current().forEach((id) -> revisions.add(RetortCommand.known(format, id)));
		}
		else if ("heads".equals(this.revision)) {
			revisions.addAll(retort.heads());
		}
		else if (!"base".equals(this.revision)) {
			revisions.add(retort.revision(this.revision));
		}
		if (revisions.isEmpty()) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT,
					"No revision files indicated by symbol '" + this.revision + "'");
		}
		List<Path> files = new ArrayList<>();
		for (RevisionInfo info : revisions) {
			Path file = RevisionSources.file(info.source());
			if (file == null) {
				String why = info.source().startsWith("classpath:")
						? "is read from the class path (" + info.source() + "), not from a file this command can open; "
								+ "point --locations at its folder with filesystem:"
						: "is the Java class " + info.source() + "; open its source file in your editor or IDE";
				throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "Revision " + info.id() + " " + why);
			}
			files.add(file);
		}
		return files;
	}

	/** The editor command line from the first of {@link #EDITOR_VARIABLES} that is set, split at spaces. */
	static List<String> editorCommand(Map<String, String> environment) {
		String variable = editorVariable(environment);
		if (variable == null) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION,
					"No editor configured: set the EDITOR (or VISUAL) environment variable, e.g. EDITOR=vi");
		}
		return List.of(environment.get(variable).strip().split("\\s+"));
	}

	private static @Nullable String editorVariable(Map<String, String> environment) {
		for (String variable : EDITOR_VARIABLES) {
			String value = environment.get(variable);
			if (value != null && !value.isBlank()) {
				return variable;
			}
		}
		return null;
	}
}
