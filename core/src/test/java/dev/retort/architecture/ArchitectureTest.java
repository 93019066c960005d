package dev.retort.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules that keep core's structure (docs/architecture.md): the API is {@code dev.retort} and
 * refers to no internal type in a public signature; the internal packages do not depend on each
 * other in a cycle; what is specific to one database stays in that database's package.
 */
class ArchitectureTest {

	/**
	 * Core's main classes, read once for every rule (test classes excluded by their folder, whatever
	 * the build folder is called: see retort.buildDir in the parent POM).
	 */
	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption((location) -> !location.contains("/test-classes/"))
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("dev.retort");

	private static final String API = "dev.retort";

	private static final String INTERNAL = "dev.retort.internal";

	private static final String DATABASE = "dev.retort.internal.database";

	@Test
	void everyClassIsApiOrInternal() {
		classes().should()
			.resideInAnyPackage(API, INTERNAL + "..")
			.because("the API is one package and everything else is internal")
			.check(CORE);
	}

	@Test
	void internalPackagesAreFreeOfCycles() {
		slices().matching("dev.retort.internal.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void databasesDoNotDependOnEachOther() {
		slices().matching("dev.retort.internal.database.(*)..")
			.should()
			.notDependOnEachOther()
			.because("each database is one package")
			.check(CORE);
	}

	@Test
	void onlyTheDatabasePackagesKnowAnEngine() {
		noClasses().that()
			.resideOutsideOfPackage(DATABASE + "..")
			.should()
			.dependOnClassesThat(inAnEnginePackage())
			.because("the rest of core asks the Database SPI, never which engine it is")
			.check(CORE);
	}

	/**
	 * The snapshot model and the catalog reader SPI are shared by the engines and autogenerate, so
	 * they depend on the API alone: no engine, no schema comparison, no execution code.
	 */
	@Test
	void theCatalogDependsOnTheApiOnly() {
		noClasses().that()
			.resideInAPackage(INTERNAL + ".catalog..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages(API, INTERNAL + ".catalog..", "java..", "org.jspecify..", "org.slf4j..")
			.check(CORE);
	}

	@Test
	void internalsDoNotReachTheFacade() {
		noClasses().that()
			.resideInAPackage(INTERNAL + "..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(API + ".Retort")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName(API + ".RetortConfiguration")
			.check(CORE);
	}

	@Test
	void apiSignaturesUseNoInternalType() {
		classes().that()
			.resideInAPackage(API)
			.and()
			.arePublic()
			.should(exposeNoInternalType())
			.check(CORE);
	}

	private static DescribedPredicate<JavaClass> inAnEnginePackage() {
		return new DescribedPredicate<>("reside in an engine package (" + DATABASE + ".<engine>..)") {
			@Override
			public boolean test(JavaClass type) {
				return type.getPackageName().startsWith(DATABASE + ".");
			}
		};
	}

	private static ArchCondition<JavaClass> exposeNoInternalType() {
		return new ArchCondition<>("expose no internal type in a public or protected signature") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				List<String> problems = new ArrayList<>();
				if (type.getRawSuperclass().isPresent()) {
					internal(type.getRawSuperclass().get(), "superclass", problems);
				}
				for (JavaClass implemented : type.getRawInterfaces()) {
					internal(implemented, "interface", problems);
				}
				for (JavaCodeUnit member : type.getCodeUnits()) {
					if (visible(member.getModifiers())) {
						involved(member.getReturnType(), member.getFullName(), problems);
						for (JavaType parameter : member.getParameterTypes()) {
							involved(parameter, member.getFullName(), problems);
						}
					}
				}
				for (JavaField field : type.getFields()) {
					if (visible(field.getModifiers())) {
						involved(field.getType(), field.getFullName(), problems);
					}
				}
				for (String problem : problems) {
					events.add(SimpleConditionEvent.violated(type, problem));
				}
			}
		};
	}

	private static boolean visible(Set<JavaModifier> modifiers) {
		return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
	}

	private static void involved(JavaType type, String where, List<String> problems) {
		for (JavaClass raw : type.getAllInvolvedRawTypes()) {
			internal(raw, where, problems);
		}
	}

	private static void internal(JavaClass type, String where, List<String> problems) {
		if (type.getPackageName().startsWith(INTERNAL)) {
			problems.add(where + " refers to internal type " + type.getName());
		}
	}
}
