package dev.retort.cli.command;

import java.nio.file.Path;

import dev.retort.DesiredSchema;
import dev.retort.cli.CliErrorCode;
import dev.retort.RetortException;
import dev.retort.ScratchOptions;
import dev.retort.cli.RetortCommand;
import dev.retort.cli.config.Settings;
import org.jspecify.annotations.Nullable;

/**
 * The model and the scratch server of {@code check} and {@code revision --autogenerate}: the model
 * is a desired-state DDL script; the scratch server is {@code --scratch-url}, else the server of the
 * configured URL, with the configured user and password.
 */
final class ModelOptions {

	private ModelOptions() {
	}

	static DesiredSchema model(RetortCommand root, @Nullable String model) {
		if (model == null) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT,
					"--model FILE is required: the DDL script of the schema the revisions must arrive at");
		}
		Path file = root.context().workingDirectory().resolve(model).normalize();
		return DesiredSchema.ofScript(file);
	}

	static ScratchOptions scratch(RetortCommand root, @Nullable String scratchUrl) {
		Settings settings = root.settings();
		String url = (scratchUrl != null) ? scratchUrl : settings.url();
		if (url == null || url.isBlank()) {
			throw new RetortException(CliErrorCode.INVALID_ARGUMENT, "No scratch server: give --scratch-url, or --url "
					+ "(only its server is used, to create throwaway databases; the database itself is not touched)");
		}
		return new ScratchOptions(url, settings.user(), settings.password());
	}
}
