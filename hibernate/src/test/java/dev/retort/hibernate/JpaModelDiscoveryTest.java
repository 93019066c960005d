package dev.retort.hibernate;

import java.nio.file.Path;
import java.util.List;

import dev.retort.hibernate.plain.PlainApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the model comes from: application class, packages, entities, settings; and the errors. */
class JpaModelDiscoveryTest {

	private final ClassLoader loader = getClass().getClassLoader();

	@Test
	void findsTheApplicationClassAndTheEntityScanPackagesWithoutInstantiatingIt(@TempDir Path dir) {
		// SampleApplication's constructor throws: building the model proves it is never instantiated.
		JpaModel model = TestProject.sample(dir).build();

		assertThat(model.applicationClass()).contains("dev.retort.hibernate.sample.SampleApplication");
		assertThat(model.packages()).containsExactly("dev.retort.hibernate.sample", "dev.retort.hibernate.shared");
		assertThat(model.managedClassNames()).containsExactly("dev.retort.hibernate.sample.Customer",
				"dev.retort.hibernate.sample.PurchaseOrder", "dev.retort.hibernate.shared.Address",
				"dev.retort.hibernate.shared.AuditEntry");
	}

	@Test
	void withoutEntityScanTheApplicationPackageIsScanned(@TempDir Path dir) {
		JpaModel model = JpaModel.builder()
			.classLoader(this.loader)
			.classPathRoots(List.of(TestProject.rootWith(dir, PlainApplication.class)))
			.build();

		assertThat(model.packages()).containsExactly("dev.retort.hibernate.plain");
		assertThat(model.managedClassNames()).containsExactly("dev.retort.hibernate.plain.Note");
	}

	@Test
	void anEntityScanOnAnotherConfigurationClassUnderTheApplicationPackageCounts(@TempDir Path dir) {
		JpaModel model = JpaModel.builder()
			.classLoader(this.loader)
			.classPathRoots(List.of(TestProject.rootWith(dir, PlainApplication.class,
					dev.retort.hibernate.plain.PlainEntityScanConfiguration.class)))
			.build();

		assertThat(model.packages()).containsExactly("dev.retort.hibernate.plain", "dev.retort.hibernate.shared");
		assertThat(model.managedClassNames()).containsExactly("dev.retort.hibernate.plain.Note",
				"dev.retort.hibernate.shared.Address", "dev.retort.hibernate.shared.AuditEntry");
	}

	@Test
	void anExplicitApplicationClassNeedsNoSearch() {
		JpaModel model = JpaModel.builder()
			.classLoader(this.loader)
			.applicationClass("dev.retort.hibernate.plain.PlainApplication")
			.build();

		assertThat(model.managedClassNames()).containsExactly("dev.retort.hibernate.plain.Note");
	}

	@Test
	void bootDefaultsAndTheProjectsFilesMakeTheSettings(@TempDir Path dir) {
		JpaModel model = TestProject.sample(dir).build();

		assertThat(model.hibernateSettings())
			.containsEntry("hibernate.implicit_naming_strategy", "org.springframework.boot.hibernate.SpringImplicitNamingStrategy")
			.containsEntry("hibernate.physical_naming_strategy",
					"org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl")
			.containsEntry("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP");
	}

	@Test
	void severalApplicationClassesAreRefusedByName() {
		assertThatThrownBy(() -> JpaModel.builder()
			.classLoader(this.loader)
			.classPathRoots(List.of(TestProject.testClasses()))
			.build())
			.isInstanceOfSatisfying(JpaModelException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(JpaModelException.Code.APPLICATION_CLASS_NOT_FOUND))
			.hasMessageContaining("Several @SpringBootApplication classes")
			.hasMessageContaining("dev.retort.hibernate.plain.PlainApplication")
			.hasMessageContaining("dev.retort.hibernate.sample.SampleApplication");
	}

	@Test
	void noApplicationClassIsATypedError(@TempDir Path dir) {
		assertThatThrownBy(() -> JpaModel.builder().classLoader(this.loader).classPathRoots(List.of(dir)).build())
			.isInstanceOfSatisfying(JpaModelException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(JpaModelException.Code.APPLICATION_CLASS_NOT_FOUND))
			.hasMessageContaining("No @SpringBootApplication class under [" + dir + "]");
	}

	@Test
	void noEntitiesNamesThePackagesScanned() {
		assertThatThrownBy(() -> JpaModel.builder()
			.classLoader(this.loader)
			.packages("dev.retort.hibernate.nothing", "dev.retort.hibernate.empty")
			.build())
			.isInstanceOfSatisfying(JpaModelException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(JpaModelException.Code.NO_ENTITIES_FOUND);
				assertThat(ex.packages()).containsExactly("dev.retort.hibernate.nothing", "dev.retort.hibernate.empty");
			})
			.hasMessageContaining("No JPA entities found in packages [dev.retort.hibernate.nothing, dev.retort.hibernate.empty]");
	}

	@Test
	void aMappingHibernateRejectsNamesTheEntityAndCarriesHibernatesMessage() {
		JpaModel model = JpaModel.builder().classLoader(this.loader).packages("dev.retort.hibernate.broken").build();

		assertThatThrownBy(() -> model.createScript(DatabaseTarget.of(DatabaseEngine.H2, 2, 4)))
			.isInstanceOfSatisfying(JpaModelException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(JpaModelException.Code.ENTITY_MAPPING_INVALID);
				assertThat(ex.entityClass()).isEqualTo("dev.retort.hibernate.broken.NoIdentifier");
				assertThat(ex.packages()).containsExactly("dev.retort.hibernate.broken");
			})
			.hasMessageContaining("entity dev.retort.hibernate.broken.NoIdentifier")
			.hasMessageContaining("has no identifier");
	}

	@Test
	void anUnreadableConfigurationIsATypedError(@TempDir Path dir) {
		assertThatThrownBy(() -> TestProject.sample(dir)
			.properties(java.util.Map.of("spring.config.import", "classpath:missing-for-sure.properties"))
			.build())
			.isInstanceOfSatisfying(JpaModelException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(JpaModelException.Code.MODEL_CONFIGURATION_INVALID))
			.hasMessageContaining("spring.jpa");
	}

}
