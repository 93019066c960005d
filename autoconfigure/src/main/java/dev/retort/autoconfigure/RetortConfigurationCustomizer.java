package dev.retort.autoconfigure;

import dev.retort.RetortConfiguration;

/**
 * Adjusts the engine configuration after the {@code retort.*} properties were applied and before the
 * revisions are loaded. Beans of this type are applied in {@code @Order}.
 */
@FunctionalInterface
public interface RetortConfigurationCustomizer {

	/** Customizes the configuration. */
	void customize(RetortConfiguration configuration);

}
