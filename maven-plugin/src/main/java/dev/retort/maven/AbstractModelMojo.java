package dev.retort.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import dev.retort.DesiredSchema;
import dev.retort.CoreErrorCode;
import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.ScratchOptions;
import dev.retort.hibernate.JpaModel;
import dev.retort.hibernate.JpaModelException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * What both goals share: the project class loader (its compiled classes and runtime dependencies,
 * parent-first over the plugin's so Hibernate, Spring and Retort types are the plugin's), the JPA
 * model of its entities, its revisions (the same locations and Java revision packages as the
 * application), and the scratch server. The application's database is never connected to.
 */
abstract class AbstractModelMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	@Nullable MavenProject project;

	/** JDBC URL of the scratch server; default: the server of the project's {@code spring.datasource.url}. */
	@Parameter(property = "retort.scratchUrl")
	@Nullable String scratchUrl;

	/** User of the scratch server; default: {@code spring.datasource.username} (when the URL is the default). */
	@Parameter(property = "retort.scratchUser")
	@Nullable String scratchUser;

	/** Password of the scratch server; default: {@code spring.datasource.password} (when the URL is the default). */
	@Parameter(property = "retort.scratchPassword")
	@Nullable String scratchPassword;

	/** Revision locations; default: the project's {@code retort.locations}, else {@code classpath:db/revisions}. */
	@Parameter(property = "retort.locations")
	@Nullable String locations;

	/** Packages of Java revisions ({@code @Revision} classes with a no-argument constructor), comma separated. */
	@Parameter(property = "retort.scanPackages")
	@Nullable String scanPackages;

	/** The {@code @SpringBootApplication} class, when there are several. */
	@Parameter(property = "retort.applicationClass")
	@Nullable String applicationClass;

	/** Entity packages instead of those of the application class, comma separated. */
	@Parameter(property = "retort.packages")
	@Nullable String packages;

	/** Spring profiles whose {@code application-<profile>} files apply, comma separated. */
	@Parameter(property = "retort.profiles")
	@Nullable String profiles;

	/** Skips the goal. */
	@Parameter(property = "retort.skip", defaultValue = "false")
	boolean skip;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipped (retort.skip)");
			return;
		}
		MavenProject project = requireProject();
		Properties application = applicationProperties(project);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader classLoader = projectClassLoader(project)) {
			thread.setContextClassLoader(classLoader);
			Retort retort = Retort.configure(classLoader)
				.locations(locations(application))
				.scanPackages(split(this.scanPackages).toArray(String[]::new))
				.load();
			run(retort, model(project, classLoader), scratch(application), application);
		}
		catch (RetortException ex) {
			throw new MojoFailureException("ERROR [" + ex.code().name() + "] " + ex.getMessage(), ex);
		}
		catch (JpaModelException ex) {
			throw new MojoFailureException("ERROR [" + CoreErrorCode.MODEL_SCRIPT_FAILED.name() + "] The JPA model "
					+ "cannot be built [" + ex.code().name() + "]: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot close the project class loader: " + ex.getMessage(), ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** The goal's work. */
	abstract void run(Retort retort, DesiredSchema model, ScratchOptions scratch, Properties application)
			throws MojoFailureException;

	final MavenProject requireProject() {
		if (this.project == null) {
			throw new IllegalStateException("no project");
		}
		return this.project;
	}

	private DesiredSchema model(MavenProject project, ClassLoader classLoader) {
		JpaModel.Builder builder = JpaModel.builder()
			.classLoader(classLoader)
			.classPathRoots(List.of(Path.of(project.getBuild().getOutputDirectory())));
		if (this.applicationClass != null) {
			builder.applicationClass(this.applicationClass);
		}
		if (!split(this.packages).isEmpty()) {
			builder.packages(split(this.packages).toArray(String[]::new));
		}
		if (!split(this.profiles).isEmpty()) {
			builder.profiles(split(this.profiles).toArray(String[]::new));
		}
		JpaModel model = builder.build();
		return DesiredSchema.generated("JPA model of " + project.getArtifactId(),
				(scratch) -> model.createScript(scratch).statements());
	}

	private ScratchOptions scratch(Properties application) {
		if (this.scratchUrl != null && !this.scratchUrl.isBlank()) {
			return new ScratchOptions(this.scratchUrl, this.scratchUser, this.scratchPassword);
		}
		String url = application.getProperty("spring.datasource.url");
		if (url == null || url.isBlank()) {
			// Boot's default: an embedded database; H2 in memory is the one the scratch side supports.
			return new ScratchOptions("jdbc:h2:mem:retort", null, null);
		}
		return new ScratchOptions(url, (this.scratchUser != null) ? this.scratchUser
				: application.getProperty("spring.datasource.username"),
				(this.scratchPassword != null) ? this.scratchPassword
						: application.getProperty("spring.datasource.password"));
	}

	final List<String> locations(Properties application) {
		String configured = (this.locations != null) ? this.locations
				: application.getProperty("retort.locations", "classpath:db/revisions");
		List<String> list = new ArrayList<>();
		for (String location : split(configured)) {
			if (location.startsWith("filesystem:")) {
				Path path = Path.of(location.substring("filesystem:".length()));
				list.add("filesystem:" + requireProject().getBasedir().toPath().resolve(path).normalize());
			}
			else {
				list.add(location);
			}
		}
		return list;
	}

	/** {@code application.properties} of the compiled classes (for the datasource URL and the locations). */
	private static Properties applicationProperties(MavenProject project) throws MojoExecutionException {
		Properties properties = new Properties();
		Path file = Path.of(project.getBuild().getOutputDirectory(), "application.properties");
		if (Files.isRegularFile(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				properties.load(in);
			}
			catch (IOException ex) {
				throw new MojoExecutionException("Cannot read " + file + ": " + ex.getMessage(), ex);
			}
		}
		return properties;
	}

	private URLClassLoader projectClassLoader(MavenProject project) throws MojoExecutionException {
		try {
			List<URL> urls = new ArrayList<>();
			for (String element : project.getRuntimeClasspathElements()) {
				urls.add(Path.of(element).toUri().toURL());
			}
			return new URLClassLoader("retort-project", urls.toArray(URL[]::new), getClass().getClassLoader());
		}
		catch (MalformedURLException | org.apache.maven.artifact.DependencyResolutionRequiredException ex) {
			throw new MojoExecutionException("Cannot build the project class path: " + ex.getMessage(), ex);
		}
	}

	static List<String> split(@Nullable String value) {
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}
}
