package dev.retort.hibernate.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.retort.hibernate.JpaModelException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the application class and the packages Spring Boot would scan for entities, by reading class
 * files (never loading or initialising the classes). Annotations are matched by name, so the application's
 * copy of Spring Boot need not be the one this module was compiled against.
 */
public final class ApplicationLocator {

	static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

	static final String ENTITY_SCAN = "org.springframework.boot.persistence.autoconfigure.EntityScan";

	static final String COMPONENT = "org.springframework.stereotype.Component";

	static final String AUTO_CONFIGURATION_PACKAGE = "org.springframework.boot.autoconfigure.AutoConfigurationPackage";

	private final MetadataReaderFactory readers;

	public ApplicationLocator(ResourceLoader resourceLoader) {
		this.readers = new SimpleMetadataReaderFactory(resourceLoader);
	}

	/**
	 * The one class annotated with {@code @SpringBootApplication} (directly or as a meta-annotation) in the
	 * class folders given.
	 * @throws JpaModelException ({@code APPLICATION_CLASS_NOT_FOUND}) when there is none or several
	 */
	public String findApplicationClass(Collection<Path> classPathRoots) {
		Set<String> found = new TreeSet<>();
		for (Path root : classPathRoots) {
			for (String className : classesUnder(root)) {
				MetadataReader reader = read(className);
				if (reader != null && reader.getAnnotationMetadata().getAnnotations().isPresent(SPRING_BOOT_APPLICATION)) {
					found.add(className);
				}
			}
		}
		if (found.size() == 1) {
			return found.iterator().next();
		}
		if (found.isEmpty()) {
			throw new JpaModelException(JpaModelException.Code.APPLICATION_CLASS_NOT_FOUND,
					"No @SpringBootApplication class under " + classPathRoots
							+ "; compile the application first or name the application class explicitly");
		}
		throw new JpaModelException(JpaModelException.Code.APPLICATION_CLASS_NOT_FOUND,
				"Several @SpringBootApplication classes under " + classPathRoots + ": " + found
						+ "; name the one whose entities make the model");
	}

	/**
	 * The packages Spring Boot scans for entities for this application class: those of the
	 * {@code @EntityScan} annotations on it and on the configuration classes under its package in the class
	 * path roots (together they replace the default, as in Boot), else its auto-configuration packages (its
	 * own package, or those of an {@code @AutoConfigurationPackage} on it).
	 */
	public List<String> entityPackages(String applicationClass, Collection<Path> classPathRoots) {
		MetadataReader reader = read(applicationClass);
		if (reader == null) {
			throw new JpaModelException(JpaModelException.Code.APPLICATION_CLASS_NOT_FOUND,
					"Application class " + applicationClass + " is not on the class path given");
		}
		MergedAnnotations annotations = reader.getAnnotationMetadata().getAnnotations();
		String ownPackage = ClassUtils.getPackageName(applicationClass);
		Set<String> packages = new LinkedHashSet<>();
		MergedAnnotation<?> entityScan = annotations.get(ENTITY_SCAN);
		if (entityScan.isPresent()) {
			packages.addAll(packagesOf(entityScan, ownPackage, "value", "basePackages"));
		}
		for (Path root : classPathRoots) {
			for (String className : classesUnder(root)) {
				if (!className.equals(applicationClass) && className.startsWith(ownPackage + ".")) {
					MetadataReader candidate = read(className);
					if (candidate != null) {
						MergedAnnotations found = candidate.getAnnotationMetadata().getAnnotations();
						if (found.isPresent(COMPONENT) && found.isPresent(ENTITY_SCAN)) {
							packages.addAll(packagesOf(found.get(ENTITY_SCAN), ClassUtils.getPackageName(className),
									"value", "basePackages"));
						}
					}
				}
			}
		}
		if (!packages.isEmpty()) {
			return List.copyOf(packages);
		}
		return packagesOf(annotations.get(AUTO_CONFIGURATION_PACKAGE), ownPackage, "basePackages");
	}

	private static List<String> packagesOf(MergedAnnotation<?> annotation, String ownPackage, String... names) {
		Set<String> packages = new LinkedHashSet<>();
		if (!annotation.isPresent()) {
			return List.of(ownPackage);
		}
		AnnotationAttributes attributes = annotation.asAnnotationAttributes(MergedAnnotation.Adapt.CLASS_TO_STRING);
		for (String name : names) {
			if (attributes.containsKey(name)) {
				for (String value : attributes.getStringArray(name)) {
					Arrays.stream(StringUtils.tokenizeToStringArray(value, ",; \t\n"))
						.forEach(packages::add);
				}
			}
		}
		if (attributes.containsKey("basePackageClasses")) {
			for (String className : attributes.getStringArray("basePackageClasses")) {
				packages.add(ClassUtils.getPackageName(className));
			}
		}
		if (packages.isEmpty()) {
			packages.add(ownPackage);
		}
		return List.copyOf(packages);
	}

	private @Nullable MetadataReader read(String className) {
		try {
			return this.readers.getMetadataReader(className);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static List<String> classesUnder(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<String> classes = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter((file) -> file.getFileName().toString().endsWith(".class"))
				.map((file) -> root.relativize(file).toString())
				.filter((name) -> !name.endsWith("package-info.class") && !name.endsWith("module-info.class"))
				.map((name) -> name.substring(0, name.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
				.sorted()
				.forEach(classes::add);
		}
		catch (IOException ex) {
			throw new JpaModelException(JpaModelException.Code.APPLICATION_CLASS_NOT_FOUND,
					"Cannot list the classes under " + root + ": " + ex.getMessage(), ex);
		}
		return classes;
	}

}
