package dev.retort.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.retort.Revision;
import dev.retort.autoconfigure.slices.AddSecondThing;
import dev.retort.internal.script.fixtures.good.ZetaRevision;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native-image hints: the static ones {@code @ImportRuntimeHints} brings, and the build-time
 * ones for the configured locations, Migration beans and scanned packages.
 */
class RetortRuntimeHintsTests {

	@Test
	void staticHintsCoverTheDefaultLocationAndTheRevisionAnnotation() {
		RuntimeHints hints = new RuntimeHints();
		new RetortRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/a1b2c3d4e5f6_create_things.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/sub/x.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Revision.class)).accepts(hints);
	}

	@Test
	void aotProcessorAddsConfiguredLocationsMigrationBeansAndScannedClasses() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		MockEnvironment environment = new MockEnvironment()
			.withProperty("retort.locations", "classpath:db/actuator,filesystem:/srv/revisions,db/branched")
			.withProperty("retort.scan-packages", "dev.retort.internal.script.fixtures.good");
		beanFactory.registerSingleton("environment", environment);
		beanFactory.registerBeanDefinition("secondThing", new RootBeanDefinition(AddSecondThing.class));

		BeanFactoryInitializationAotContribution contribution = new RetortAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(RetortRuntimeHintsTests.class)), new InMemoryGeneratedFiles());
		contribution.applyTo(generation, null);
		RuntimeHints hints = generation.getRuntimeHints();

		assertThat(RuntimeHintsPredicates.resource().forResource("db/actuator/aa00000000a1_create_widgets.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/branched/1111aaaa0001_base.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(AddSecondThing.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		// Found by scanning retort.scan-packages at build time (the engine instantiates it reflectively).
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(ZetaRevision.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
	}

	@Test
	void nothingConfiguredNothingContributed() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		assertThat(new RetortAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

}
