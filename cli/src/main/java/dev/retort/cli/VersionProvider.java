package dev.retort.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code retort --version}: the jar's {@code Implementation-Version}. */
public final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = RetortCommand.class.getPackage().getImplementationVersion();
		return new String[] { "retort " + ((version != null) ? version : "(development build)") };
	}
}
