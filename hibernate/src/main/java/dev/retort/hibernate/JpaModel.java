package dev.retort.hibernate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.retort.hibernate.internal.ApplicationLocator;
import dev.retort.hibernate.internal.BootJpaSettings;
import dev.retort.hibernate.internal.EntityScanner;
import dev.retort.hibernate.internal.ScriptBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * A Spring Boot project's JPA model, found and configured as Spring Boot would at startup but without
 * starting anything: no application context, no beans, no data source, no connection to the
 * application's database.
 * <ul>
 * <li>Entities: the {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} and
 * {@code @Converter} classes under the packages of the {@code @SpringBootApplication} class, or of an
 * {@code @EntityScan} on it (which replaces them, as in Boot).</li>
 * <li>Settings: {@code spring.jpa.*} from the project's {@code application.properties}/{@code .yml} (and
 * active profiles), with Boot's defaults ({@code SpringImplicitNamingStrategy},
 * {@code PhysicalNamingStrategySnakeCaseImpl}).</li>
 * </ul>
 * {@link #createScript(DatabaseTarget)} then gives the statements Hibernate emits to create that model on
 * an engine and version.
 *
 * <pre>{@code
 * JpaModel model = JpaModel.builder()
 *     .classLoader(projectClassLoader)
 *     .classPathRoots(List.of(Path.of("target/classes")))
 *     .build();
 * CreateScript script = model.createScript(connectionToScratchDatabase);
 * }</pre>
 *
 * The class loader must see the project's classes and resources. Hibernate and Spring types must be
 * shared with this module's: build it parent-first with this module's class loader as parent (for example
 * {@code new URLClassLoader(projectUrls, JpaModel.class.getClassLoader())}).
 *
 * <p>Bean Validation's DDL constraints ({@code @NotNull}, {@code @Size}) are applied as at startup when a
 * provider is on the project's class path and the Bean Validation API is visible to this module. Not
 * covered, because they need the running application: {@code HibernatePropertiesCustomizer} and
 * naming-strategy beans.
 */
public final class JpaModel {

	private static final String DEFAULT_ORM_XML = "META-INF/orm.xml";

	private final ClassLoader classLoader;

	private final @Nullable String applicationClass;

	private final List<String> packages;

	private final List<String> managedClassNames;

	private final BootJpaSettings settings;

	private JpaModel(ClassLoader classLoader, @Nullable String applicationClass, List<String> packages,
			List<String> managedClassNames, BootJpaSettings settings) {
		this.classLoader = classLoader;
		this.applicationClass = applicationClass;
		this.packages = packages;
		this.managedClassNames = managedClassNames;
		this.settings = settings;
	}

	/** A builder; {@link Builder#classLoader(ClassLoader)} is the only required setting. */
	public static Builder builder() {
		return new Builder();
	}

	/** The {@code @SpringBootApplication} class the packages came from (empty when packages were given). */
	public Optional<String> applicationClass() {
		return Optional.ofNullable(this.applicationClass);
	}

	/** The packages scanned for entities. */
	public List<String> packages() {
		return this.packages;
	}

	/** The managed classes found (sorted), plus annotated package names after them. */
	public List<String> managedClassNames() {
		return this.managedClassNames;
	}

	/** The Hibernate settings derived from the project's {@code spring.jpa.*} configuration. */
	public Map<String, Object> hibernateSettings() {
		return this.settings.hibernate();
	}

	/**
	 * The create script for the given engine and version.
	 * @throws JpaModelException ({@code ENTITY_MAPPING_INVALID}) when Hibernate rejects the mapping
	 */
	public CreateScript createScript(DatabaseTarget target) {
		Objects.requireNonNull(target, "target");
		return ScriptBuilder.build(this.managedClassNames, this.packages, this.settings, target, this.classLoader);
	}

	/**
	 * The create script for the engine and version of the database behind a live connection (only its
	 * metadata is read).
	 * @throws JpaModelException ({@code UNSUPPORTED_DATABASE}, {@code ENTITY_MAPPING_INVALID})
	 */
	public CreateScript createScript(Connection connection) {
		return createScript(DatabaseTarget.from(connection));
	}

	/** Collects where the model comes from; {@link #build()} finds the entities and reads the settings. */
	public static final class Builder {

		private @Nullable ClassLoader classLoader;

		private final List<Path> classPathRoots = new ArrayList<>();

		private @Nullable String applicationClass;

		private final List<String> packages = new ArrayList<>();

		private final Map<String, String> properties = new LinkedHashMap<>();

		private final List<String> profiles = new ArrayList<>();

		private Builder() {
		}

		/** The class loader that sees the project's classes, resources and dependencies (required). */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
			return this;
		}

		/** Class folders searched for the {@code @SpringBootApplication} class (e.g. {@code target/classes}). */
		public Builder classPathRoots(Collection<Path> roots) {
			this.classPathRoots.addAll(roots);
			return this;
		}

		/** The application class by name, instead of searching the class path roots. */
		public Builder applicationClass(String className) {
			this.applicationClass = Objects.requireNonNull(className, "className");
			return this;
		}

		/** Packages to scan for entities, instead of those of the application class. */
		public Builder packages(String... packageNames) {
			this.packages.addAll(Arrays.asList(packageNames));
			return this;
		}

		/** Property values that win over the project's files, e.g. {@code spring.jpa.properties.*}. */
		public Builder properties(Map<String, String> values) {
			this.properties.putAll(values);
			return this;
		}

		/** Profiles to activate in addition to those the project's files activate. */
		public Builder profiles(String... names) {
			this.profiles.addAll(Arrays.asList(names));
			return this;
		}

		/**
		 * Finds the application class (unless packages were given), its entity packages and entities, and
		 * reads the project's configuration.
		 * @throws JpaModelException ({@code APPLICATION_CLASS_NOT_FOUND}, {@code NO_ENTITIES_FOUND},
		 * {@code MODEL_CONFIGURATION_INVALID})
		 */
		public JpaModel build() {
			ClassLoader loader = Objects.requireNonNull(this.classLoader, "classLoader is required");
			ResourceLoader resources = new DefaultResourceLoader(loader);
			ApplicationLocator locator = new ApplicationLocator(resources);
			String application = null;
			List<String> scanned;
			if (!this.packages.isEmpty()) {
				scanned = List.copyOf(this.packages);
			}
			else {
				application = (this.applicationClass != null) ? this.applicationClass
						: locator.findApplicationClass(this.classPathRoots);
				scanned = locator.entityPackages(application, this.classPathRoots);
			}
			BootJpaSettings settings = BootJpaSettings.load(resources, this.properties, this.profiles);
			if (settings.mappingResources().isEmpty() && this.classPathRoots.stream()
				.anyMatch((root) -> Files.isRegularFile(root.resolve(DEFAULT_ORM_XML)))) {
				// Spring's default persistence unit includes the project's own META-INF/orm.xml.
				settings = settings.withMappingResources(List.of(DEFAULT_ORM_XML));
			}
			List<String> managed = EntityScanner.scan(resources, scanned, !settings.mappingResources().isEmpty());
			return new JpaModel(loader, application, scanned, managed, settings);
		}

	}

}
