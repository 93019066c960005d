package dev.retort.hibernate.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.retort.hibernate.JpaModelException;
import jakarta.validation.Configuration;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.dialect.Dialect;

/**
 * The DDL constraints Hibernate derives from Bean Validation ({@code @NotNull} gives {@code not null},
 * {@code @Size(max)} a length, {@code @Min}/{@code @Max} checks). Hibernate applies them when the session
 * factory starts, which never happens here, so they are applied to the mapping before the script is
 * written, under the same settings: validation mode {@code auto} (the default: only when a provider is on
 * the project's class path) or {@code ddl}, and {@code hibernate.validator.apply_to_ddl} (default true).
 * Only loaded when the Bean Validation API is on the class path.
 */
final class BeanValidationDdl {

	private BeanValidationDdl() {
	}

	/** The validation modes the project configured, lower case ({@code auto} when none). */
	static Set<String> modes(Map<String, Object> settings) {
		Object mode = settings.getOrDefault("jakarta.persistence.validation.mode",
				settings.getOrDefault("javax.persistence.validation.mode", "auto"));
		return Arrays.stream(mode.toString().split(","))
			.map((value) -> value.trim().toLowerCase(Locale.ROOT))
			.filter((value) -> !value.isEmpty())
			.collect(Collectors.toSet());
	}

	/** Whether the settings ask for DDL constraints from Bean Validation (when a provider is present). */
	static boolean wanted(Map<String, Object> settings) {
		Set<String> modes = modes(settings);
		boolean applyToDdl = Boolean.parseBoolean(
				settings.getOrDefault("hibernate.validator.apply_to_ddl", "true").toString().trim());
		return applyToDdl && !modes.contains("none") && (modes.contains("auto") || modes.contains("ddl"));
	}

	/** Applies the constraints to the mapping; without a provider, does nothing in mode {@code auto}. */
	static void apply(MetadataImplementor metadata, Map<String, Object> settings) {
		ValidatorFactory factory;
		try {
			Configuration<?> configuration = Validation.byDefaultProvider().configure();
			// Messages are never shown here; a fixed interpolator avoids needing an EL implementation.
			configuration.messageInterpolator(new TemplateOnly());
			factory = configuration.buildValidatorFactory();
		}
		catch (ValidationException ex) {
			if (modes(settings).contains("ddl")) {
				throw new JpaModelException(JpaModelException.Code.MODEL_CONFIGURATION_INVALID,
						"Validation mode 'ddl' is set but no Bean Validation provider can be started: "
								+ ex.getMessage(), ex);
			}
			return;
		}
		try (factory) {
			applyRelationalConstraints().invoke(null, factory, metadata.getEntityBindings(), settings,
					metadata.getDatabase().getDialect(),
					metadata.getTypeConfiguration().getMetadataBuildingContext().getBootstrapContext()
						.getClassLoaderAccess());
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new JpaModelException(JpaModelException.Code.MODEL_CONFIGURATION_INVALID,
					"Cannot apply Bean Validation's DDL constraints with this Hibernate version: " + ex, ex);
		}
	}

	/**
	 * Hibernate's own implementation, so the constraints are exactly those of the application's startup.
	 * It is a public method of a package-private class (the integrator calls it when the session factory
	 * starts); the pinned Hibernate version is checked by this module's tests.
	 */
	private static Method applyRelationalConstraints() throws ReflectiveOperationException {
		Class<?> activator = Class.forName("org.hibernate.boot.beanvalidation.TypeSafeActivator", false,
				MetadataImplementor.class.getClassLoader());
		Method method = activator.getMethod("applyRelationalConstraints", ValidatorFactory.class, Collection.class,
				Map.class, Dialect.class, ClassLoaderAccess.class);
		method.setAccessible(true);
		return method;
	}

	/** Returns message templates as they are. */
	private static final class TemplateOnly implements MessageInterpolator {

		@Override
		public String interpolate(String messageTemplate, Context context) {
			return messageTemplate;
		}

		@Override
		public String interpolate(String messageTemplate, Context context, Locale locale) {
			return messageTemplate;
		}

	}

}
