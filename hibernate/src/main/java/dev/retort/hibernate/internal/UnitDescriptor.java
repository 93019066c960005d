package dev.retort.hibernate.internal;

import java.net.URL;
import java.util.List;
import java.util.Properties;

import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import org.hibernate.bytecode.enhance.spi.EnhancementContext;
import org.hibernate.bytecode.spi.ClassTransformer;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * The persistence unit Spring Boot would build, as Hibernate's bootstrap sees it: the scanned classes
 * listed, nothing else discovered, no data source (the schema is only written as a script).
 */
final class UnitDescriptor implements PersistenceUnitDescriptor {

	private final List<String> managedClassNames;

	private final List<String> mappingFileNames;

	private final ClassLoader classLoader;

	UnitDescriptor(List<String> managedClassNames, List<String> mappingFileNames, ClassLoader classLoader) {
		this.managedClassNames = List.copyOf(managedClassNames);
		this.mappingFileNames = List.copyOf(mappingFileNames);
		this.classLoader = classLoader;
	}

	@Override
	public @Nullable URL getPersistenceUnitRootUrl() {
		return null;
	}

	@Override
	public String getName() {
		return "default";
	}

	@Override
	public String getProviderClassName() {
		return HibernatePersistenceProvider.class.getName();
	}

	@Override
	public boolean isUseQuotedIdentifiers() {
		return false;
	}

	@Override
	public boolean isExcludeUnlistedClasses() {
		return true;
	}

	@Override
	public PersistenceUnitTransactionType getPersistenceUnitTransactionType() {
		return PersistenceUnitTransactionType.RESOURCE_LOCAL;
	}

	@Override
	@SuppressWarnings({ "deprecation", "removal" })
	public jakarta.persistence.spi.PersistenceUnitTransactionType getTransactionType() {
		return jakarta.persistence.spi.PersistenceUnitTransactionType.RESOURCE_LOCAL;
	}

	@Override
	public ValidationMode getValidationMode() {
		return ValidationMode.AUTO;
	}

	@Override
	public SharedCacheMode getSharedCacheMode() {
		return SharedCacheMode.UNSPECIFIED;
	}

	@Override
	public List<String> getManagedClassNames() {
		return this.managedClassNames;
	}

	@Override
	public List<String> getMappingFileNames() {
		return this.mappingFileNames;
	}

	@Override
	public List<URL> getJarFileUrls() {
		return List.of();
	}

	@Override
	public @Nullable Object getNonJtaDataSource() {
		return null;
	}

	@Override
	public @Nullable Object getJtaDataSource() {
		return null;
	}

	@Override
	public Properties getProperties() {
		return new Properties();
	}

	@Override
	public ClassLoader getClassLoader() {
		return this.classLoader;
	}

	@Override
	public @Nullable ClassLoader getTempClassLoader() {
		return null;
	}

	@Override
	public void pushClassTransformer(EnhancementContext enhancementContext) {
		// No enhancement: classes are only mapped, never instantiated.
	}

	@Override
	public @Nullable ClassTransformer getClassTransformer() {
		return null;
	}

}
