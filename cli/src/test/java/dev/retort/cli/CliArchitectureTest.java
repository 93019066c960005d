package dev.retort.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The CLI uses core's API only (docs/architecture.md), never its internals. */
class CliArchitectureTest {

	@Test
	void usesCoreApiOnly() {
		JavaClasses classes = new ClassFileImporter().withImportOption((location) -> !location.contains("/test-classes/"))
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("dev.retort.cli");
		noClasses().should().dependOnClassesThat().resideInAPackage("dev.retort.internal..").check(classes);
	}
}
