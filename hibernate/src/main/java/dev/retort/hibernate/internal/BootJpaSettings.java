package dev.retort.hibernate.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.retort.hibernate.JpaModelException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateSettings;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ResourceLoader;

/**
 * The Hibernate settings Spring Boot would give the application's entity manager factory, computed the way
 * Boot computes them: its config-data loader reads {@code application.properties}/{@code .yml} (and
 * profile files, imports, system properties and environment variables, as at startup), the binder fills
 * Boot's own {@link JpaProperties} and {@link HibernateProperties}, and
 * {@link HibernateProperties#determineHibernateProperties} adds the naming-strategy defaults. No
 * application context is created.
 *
 * @param hibernate the Hibernate settings ({@code spring.jpa.properties.*} plus Boot's defaults)
 * @param configuredDialect the dialect the project names ({@code spring.jpa.database-platform} or
 * {@code hibernate.dialect}), or {@code null}
 * @param mappingResources {@code spring.jpa.mapping-resources} (orm.xml files)
 */
public record BootJpaSettings(Map<String, Object> hibernate, @Nullable String configuredDialect,
		List<String> mappingResources) {

	public BootJpaSettings {
		hibernate = Map.copyOf(hibernate);
		mappingResources = List.copyOf(mappingResources);
	}

	/** These settings with other mapping resources. */
	public BootJpaSettings withMappingResources(List<String> resources) {
		return new BootJpaSettings(this.hibernate, this.configuredDialect, resources);
	}

	/**
	 * Reads the project's configuration through the resource loader's class loader.
	 * @param resourceLoader finds {@code classpath:application.properties} in the project's classes
	 * @param overrides values that win over every file (as command-line arguments would)
	 * @param profiles profiles to activate in addition to {@code spring.profiles.active}
	 */
	public static BootJpaSettings load(ResourceLoader resourceLoader, Map<String, String> overrides,
			Collection<String> profiles) {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			if (!overrides.isEmpty()) {
				environment.getPropertySources()
					.addFirst(new MapPropertySource("retortOverrides", new LinkedHashMap<>(overrides)));
			}
			ConfigDataEnvironmentPostProcessor.applyTo(environment, resourceLoader, new DefaultBootstrapContext(),
					profiles);
			ConfigurationPropertySources.attach(environment);
			Binder binder = Binder.get(environment);
			JpaProperties jpa = binder.bind("spring.jpa", Bindable.of(JpaProperties.class))
				.orElseGet(JpaProperties::new);
			HibernateProperties hibernateProperties = binder
				.bind("spring.jpa.hibernate", Bindable.of(HibernateProperties.class))
				.orElseGet(HibernateProperties::new);
			Map<String, Object> settings = new LinkedHashMap<>(hibernateProperties
				.determineHibernateProperties(jpa.getProperties(), new HibernateSettings().ddlAuto(() -> "none")));
			String dialect = jpa.getDatabasePlatform();
			Object explicit = settings.get("hibernate.dialect");
			if (explicit != null) {
				dialect = explicit.toString();
			}
			return new BootJpaSettings(settings, dialect, jpa.getMappingResources());
		}
		catch (RuntimeException ex) {
			throw new JpaModelException(JpaModelException.Code.MODEL_CONFIGURATION_INVALID,
					"Cannot read the project's spring.jpa.* configuration: " + ex.getMessage(), ex);
		}
	}

}
