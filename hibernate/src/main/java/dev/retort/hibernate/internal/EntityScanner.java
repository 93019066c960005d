package dev.retort.hibernate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.retort.hibernate.JpaModelException;

import org.springframework.core.io.ResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;

/**
 * Lists the managed types under packages with the scanner Spring Boot's JPA auto-configuration uses
 * ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}, {@code @Converter}, annotated
 * {@code package-info}), reading class files only. Names are sorted so the result does not depend on the
 * order of the class path or of the file system.
 */
public final class EntityScanner {

	private EntityScanner() {
	}

	/**
	 * The managed class (and annotated package) names under the packages.
	 * @param mappedInXml whether {@code orm.xml} files may map entities (then finding none is no error)
	 * @throws JpaModelException ({@code NO_ENTITIES_FOUND}) when none of them is an {@code @Entity}
	 */
	public static List<String> scan(ResourceLoader resourceLoader, List<String> packages, boolean mappedInXml) {
		PersistenceManagedTypes types = new PersistenceManagedTypesScanner(resourceLoader)
			.scan(packages.toArray(String[]::new));
		List<String> names = new ArrayList<>(new TreeSet<>(types.getManagedClassNames()));
		names.addAll(new TreeSet<>(types.getManagedPackages()));
		if (types.getManagedClassNames().isEmpty() && !mappedInXml) {
			throw new JpaModelException(JpaModelException.Code.NO_ENTITIES_FOUND,
					"No JPA entities found in packages " + packages
							+ " (scanned for @Entity, @Embeddable, @MappedSuperclass and @Converter classes)",
					null, packages, null);
		}
		return List.copyOf(names);
	}

}
