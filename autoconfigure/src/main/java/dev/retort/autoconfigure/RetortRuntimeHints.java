package dev.retort.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.retort.Migration;
import dev.retort.Revision;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Native-image hints for the default setup: the revision files under the default location
 * {@code db/revisions}, and the engine's reflective reads of Java revisions (their {@link Revision}
 * annotation). {@link RetortAotProcessor} adds the configured locations, the {@code Migration} beans
 * and the classes of {@code retort.scan-packages}.
 */
class RetortRuntimeHints implements RuntimeHintsRegistrar {

	/** The default location's folder, as a resource pattern root. */
	static final String DEFAULT_LOCATION = "db/revisions";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(DEFAULT_LOCATION + "/**");
		hints.reflection().registerType(Revision.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		hints.reflection().registerType(Migration.class, MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
