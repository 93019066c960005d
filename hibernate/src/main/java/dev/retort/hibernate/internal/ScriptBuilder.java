package dev.retort.hibernate.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.retort.hibernate.CreateScript;
import dev.retort.hibernate.DatabaseEngine;
import dev.retort.hibernate.DatabaseTarget;
import dev.retort.hibernate.JpaModelException;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl;
import org.hibernate.tool.schema.SourceType;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.ScriptSourceInput;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Maps the entities with Hibernate's JPA bootstrap (the path Spring's entity manager factory takes) and
 * runs Hibernate's schema creator with a script target that collects the statements one by one. The
 * schema-management coordinator's script targets are a file, a URL or a {@link java.io.Writer}, which
 * lose the statement boundaries (a default value may hold a delimiter); the creator is the tool the
 * coordinator itself calls for {@code scripts.action=create}, so the statements are the same. No
 * connection is opened: the dialect comes from the product name and version settings.
 */
public final class ScriptBuilder {

	/** Settings that would connect somewhere, run DDL or reshape the script text: removed. */
	private static final List<String> DROPPED_PREFIXES = List.of("hibernate.connection.", "jakarta.persistence.jdbc.",
			"javax.persistence.jdbc.", "jakarta.persistence.schema-generation.",
			"javax.persistence.schema-generation.", "hibernate.hbm2ddl.schema-generation.");

	private static final List<String> DROPPED_KEYS = List.of("hibernate.dialect", "hibernate.format_sql",
			"hibernate.hbm2ddl.auto", "hibernate.hbm2ddl.delimiter", "hibernate.hbm2ddl.import_files",
			"hibernate.hbm2ddl.create_namespaces", "hibernate.hbm2ddl.halt_on_error",
			"jakarta.persistence.nonJtaDataSource", "jakarta.persistence.jtaDataSource",
			"javax.persistence.nonJtaDataSource", "javax.persistence.jtaDataSource",
			"jakarta.persistence.sql-load-script-source", "jakarta.persistence.create-database-schemas",
			"javax.persistence.create-database-schemas", "jakarta.persistence.database-product-name",
			"jakarta.persistence.database-product-version", "jakarta.persistence.database-major-version",
			"jakarta.persistence.database-minor-version", "javax.persistence.database-product-name",
			"javax.persistence.database-product-version", "javax.persistence.database-major-version",
			"javax.persistence.database-minor-version", "hibernate.temp.use_jdbc_metadata_defaults");

	/** Whether Hibernate can link against the Bean Validation API (a provider is looked for later). */
	private static final boolean BEAN_VALIDATION_PRESENT = ClassUtils.isPresent("jakarta.validation.Validation",
			ScriptBuilder.class.getClassLoader());

	private ScriptBuilder() {
	}

	/**
	 * The create script for the entities on the target.
	 * @param entityClassNames the managed classes (entities, embeddables, mapped superclasses, converters)
	 * @param packages the packages they were found in (for messages)
	 */
	public static CreateScript build(List<String> entityClassNames, List<String> packages, BootJpaSettings boot,
			DatabaseTarget target, ClassLoader classLoader) {
		Map<String, Object> settings = settingsFor(boot, target, classLoader);
		UnitDescriptor unit = new UnitDescriptor(entityClassNames, boot.mappingResources(), classLoader);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(classLoader);
		EntityManagerFactoryBuilderImpl builder = null;
		try {
			builder = new EntityManagerFactoryBuilderImpl(unit, settings, classLoader);
			MetadataImplementor metadata = builder.metadata();
			if (BEAN_VALIDATION_PRESENT && BeanValidationDdl.wanted(settings)) {
				BeanValidationDdl.apply(metadata, settings);
			}
			List<String> statements = create(metadata, settings);
			String dialect = metadata.getDatabase().getDialect().getClass().getName();
			return new CreateScript(target, dialect, statements);
		}
		catch (JpaModelException ex) {
			throw ex;
		}
		catch (RuntimeException | LinkageError ex) {
			throw mappingError(ex, entityClassNames, packages);
		}
		finally {
			if (builder != null) {
				builder.cancel();
			}
			thread.setContextClassLoader(previous);
		}
	}

	private static Map<String, Object> settingsFor(BootJpaSettings boot, DatabaseTarget target,
			ClassLoader classLoader) {
		Map<String, Object> settings = new HashMap<>();
		boot.hibernate().forEach((key, value) -> {
			if (DROPPED_PREFIXES.stream().noneMatch(key::startsWith) && !DROPPED_KEYS.contains(key)) {
				settings.put(key, value);
			}
		});
		settings.put("hibernate.boot.allow_jdbc_metadata_access", "false");
		settings.put("hibernate.connection.provider_class", new NoConnections());
		settings.put("jakarta.persistence.database-product-name", target.engine().productName());
		settings.put("jakarta.persistence.database-major-version", Integer.toString(target.majorVersion()));
		settings.put("jakarta.persistence.database-minor-version", Integer.toString(target.minorVersion()));
		if (target.productVersion() != null) {
			settings.put("jakarta.persistence.database-product-version", target.productVersion());
		}
		String dialect = compatibleDialect(boot.configuredDialect(), target.engine(), classLoader);
		if (dialect != null) {
			settings.put("hibernate.dialect", dialect);
		}
		// The script must build the model's schemas on an empty database: namespaces included, no data.
		settings.put("hibernate.hbm2ddl.create_namespaces", "true");
		settings.put("hibernate.hbm2ddl.skip_default_import_file", "true");
		settings.put("hibernate.format_sql", "false");
		return settings;
	}

	/**
	 * The project's own dialect when it is a variant of the target engine's (a subclass adding types, say);
	 * otherwise none, so that Hibernate resolves the engine's standard dialect from the product name.
	 */
	static @Nullable String compatibleDialect(@Nullable String configured, DatabaseEngine engine,
			ClassLoader classLoader) {
		if (configured == null || configured.isBlank()) {
			return null;
		}
		String base = switch (engine) {
			case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
			case MARIADB -> "org.hibernate.dialect.MariaDBDialect";
			case MYSQL -> "org.hibernate.dialect.MySQLDialect";
			case H2 -> "org.hibernate.dialect.H2Dialect";
		};
		try {
			Class<?> dialect = Class.forName(configured.trim(), false, classLoader);
			Class<?> baseClass = Class.forName(base, false, classLoader);
			Class<?> mariaDb = Class.forName("org.hibernate.dialect.MariaDBDialect", false, classLoader);
			boolean compatible = baseClass.isAssignableFrom(dialect)
					&& !(engine == DatabaseEngine.MYSQL && mariaDb.isAssignableFrom(dialect));
			return compatible ? dialect.getName() : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static List<String> create(MetadataImplementor metadata, Map<String, Object> settings) {
		SchemaManagementTool tool = metadata.getMetadataBuildingOptions()
			.getServiceRegistry()
			.requireService(SchemaManagementTool.class);
		ExecutionOptions options = SchemaManagementToolCoordinator.buildExecutionOptions(settings,
				ExceptionHandlerHaltImpl.INSTANCE);
		Collector collector = new Collector();
		tool.getSchemaCreator(settings).doCreation(metadata, options, ContributableMatcher.ALL, new SourceDescriptor() {
			@Override
			public SourceType getSourceType() {
				return SourceType.METADATA;
			}

			@Override
			public @Nullable ScriptSourceInput getScriptSourceInput() {
				return null;
			}
		}, collector);
		return collector.statements;
	}

	private static JpaModelException mappingError(Throwable ex, List<String> entityClassNames, List<String> packages) {
		StringBuilder messages = new StringBuilder();
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t.getMessage() != null && messages.indexOf(t.getMessage()) < 0) {
				if (!messages.isEmpty()) {
					messages.append(": ");
				}
				messages.append(t.getMessage());
			}
		}
		String text = messages.toString();
		String entity = null;
		for (String candidate : entityClassNames) {
			if (text.contains(candidate) && (entity == null || candidate.length() > entity.length())) {
				entity = candidate;
			}
		}
		String where = (entity != null) ? "entity " + entity : "entities in " + packages;
		return new JpaModelException(JpaModelException.Code.ENTITY_MAPPING_INVALID,
				"Hibernate rejected the JPA mapping (" + where + "): " + text, entity, packages, ex);
	}

	/** Collects each statement the creator emits, as one string without a delimiter. */
	private static final class Collector implements TargetDescriptor, ScriptTargetOutput {

		private final List<String> statements = new ArrayList<>();

		@Override
		public EnumSet<TargetType> getTargetTypes() {
			return EnumSet.of(TargetType.SCRIPT);
		}

		@Override
		public ScriptTargetOutput getScriptTargetOutput() {
			return this;
		}

		@Override
		public void prepare() {
		}

		@Override
		public void accept(String command) {
			String statement = command.strip();
			while (statement.endsWith(";")) {
				statement = statement.substring(0, statement.length() - 1).stripTrailing();
			}
			if (!statement.isEmpty()) {
				this.statements.add(statement);
			}
		}

		@Override
		public void release() {
		}

	}

}
