package dev.retort.maven;

import java.util.Properties;

import dev.retort.DesiredSchema;
import dev.retort.ModelCheckResult;
import dev.retort.Retort;
import dev.retort.ScratchOptions;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code retort:check}: fails the build when the revisions, replayed from base on a scratch
 * database, do not give the JPA model; one line per difference. For CI, as {@code alembic check}.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class CheckMojo extends AbstractModelMojo {

	@Override
	void run(Retort retort, DesiredSchema model, ScratchOptions scratch, Properties application)
			throws MojoFailureException {
		ModelCheckResult result = retort.checkModel(model, scratch);
		if (result.clean()) {
			getLog().info("No differences: the revisions give the JPA model.");
			return;
		}
		result.differences().forEach((difference) -> getLog().error(difference));
		throw new MojoFailureException("ERROR [MODEL_DRIFT] The JPA model and the revisions differ in "
				+ result.differences().size() + " place(s) (listed above); run retort:autogenerate to write the revision");
	}
}
