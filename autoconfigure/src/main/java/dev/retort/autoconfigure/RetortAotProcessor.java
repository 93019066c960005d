package dev.retort.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.retort.Migration;
import dev.retort.Revision;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Build-time (AOT) hints for what the application configures: every {@code classpath:} location of
 * {@code retort.locations} as resources, the classes of {@link Migration} beans, and the
 * {@link Revision}-annotated classes of {@code retort.scan-packages} (which the engine creates
 * reflectively) with their constructors.
 */
class RetortAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<String> locations = new LinkedHashSet<>();
		Set<Class<?>> revisionClasses = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanNamesForType(Migration.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				revisionClasses.add(ClassUtils.getUserClass(type));
			}
		}
		Environment environment = beanFactory.containsBean("environment")
				? beanFactory.getBean("environment", Environment.class) : null;
		if (environment != null) {
			Binder binder = Binder.get(environment);
			binder.bind("retort.locations", Bindable.listOf(String.class)).orElse(List.of()).forEach(locations::add);
			ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null) ? beanFactory.getBeanClassLoader()
					: getClass().getClassLoader();
			for (String pkg : binder.bind("retort.scan-packages", Bindable.listOf(String.class)).orElse(List.of())) {
				revisionClasses.addAll(scan(pkg, classLoader));
			}
		}
		if (locations.isEmpty() && revisionClasses.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), locations, revisionClasses);
	}

	private static void register(RuntimeHints hints, Set<String> locations, Set<Class<?>> revisionClasses) {
		for (String location : locations) {
			String folder = classpathFolder(location);
			if (folder != null) {
				hints.resources().registerPattern(folder + "/**");
			}
		}
		for (Class<?> type : revisionClasses) {
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

	/** The folder of a classpath location (no prefix, no slashes around it), or null for other kinds. */
	static @Nullable String classpathFolder(String location) {
		String trimmed = location.strip();
		if (trimmed.startsWith("classpath:")) {
			trimmed = trimmed.substring("classpath:".length());
		}
		else if (trimmed.contains(":")) {
			return null;
		}
		trimmed = trimmed.replaceAll("^/+", "").replaceAll("/+$", "");
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static Set<Class<?>> scan(String pkg, ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
		Set<Class<?>> found = new LinkedHashSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
			String className = candidate.getBeanClassName();
			if (className != null) {
				found.add(ClassUtils.resolveClassName(className, classLoader));
			}
		}
		return found;
	}

}
