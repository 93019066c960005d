package dev.retort.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.sample.revisions.BackfillNoteSlugs;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.util.function.ThrowingSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AOT processing of the sample, as the build of a native image does it (no GraalVM needed): the
 * context is prepared as {@code spring-boot:process-aot} prepares it, processed ahead of time, its
 * generated sources compile, and the runtime hints cover the revision files and the Java revision.
 */
class NotesAotProcessingTests {

	@Test
	void aotProcessingRegistersRevisionHintsAndGeneratesCompilingSources() {
		GenericApplicationContext context = preparedContext();
		TestGenerationContext generation = new TestGenerationContext(NotesApplication.class);
		ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		generation.writeGeneratedContent();
		RuntimeHints hints = generation.getRuntimeHints();

		for (String file : List.of("3c1e9a2b7f01_create_notebooks_and_notes.sql",
				"e4a1c7b9d308_merge_tags_and_archive.sql")) {
			assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/" + file)).accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(BackfillNoteSlugs.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(dev.retort.Revision.class)).accepts(hints);

		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> generated = compiled
				.getInstance(ApplicationContextInitializer.class, initializer.reflectionName());
			assertThat(generated).isNotNull();
		});
		assertThat(context.getBeanFactory().getBeanNamesForType(Retort.class)).containsExactly("retort");
	}

	/** The sample's context, loaded but not refreshed, as Boot's AOT processor gets it. */
	private static GenericApplicationContext preparedContext() {
		try {
			SpringApplication.withHook((application) -> new SpringApplicationRunListener() {

				@Override
				public void contextLoaded(ConfigurableApplicationContext context) {
					throw new SpringApplication.AbandonedRunException(context);
				}

			}, (ThrowingSupplier<ConfigurableApplicationContext>) () -> SpringApplication.run(NotesApplication.class,
					"--server.port=0"));
		}
		catch (SpringApplication.AbandonedRunException ex) {
			return (GenericApplicationContext) ex.getApplicationContext();
		}
		throw new IllegalStateException("the sample's run was not abandoned before refresh");
	}

}
