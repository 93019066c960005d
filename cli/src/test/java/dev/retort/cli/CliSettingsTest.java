package dev.retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.cli.config.CommandLineSettings;
import dev.retort.cli.config.Secrets;
import dev.retort.cli.config.Settings;
import dev.retort.cli.config.SettingsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where settings come from: options, then environment, then the properties file. */
class CliSettingsTest {

	@TempDir
	Path folder;

	@Test
	void optionsWinOverEnvironmentWhichWinsOverTheFile() throws IOException {
		Path config = Files.createDirectories(this.folder.resolve("conf"));
		Files.writeString(config.resolve("retort.properties"), """
				url=jdbc:h2:mem:file
				user=file-user
				password=file-pw
				schema=file_schema
				version-table=file_version
				""");
		Map<String, String> env = Map.of("RETORT_URL", "jdbc:h2:mem:env", "RETORT_USER", "env-user");
		SettingsResolver resolver = new SettingsResolver(env, this.folder);
		Settings settings = resolver.resolve(new CommandLineSettings("conf/retort.properties", "jdbc:h2:mem:option",
				null, null, null, null, null, null));
		assertThat(settings.url()).isEqualTo("jdbc:h2:mem:option");
		assertThat(settings.user()).isEqualTo("env-user");
		assertThat(settings.password()).isEqualTo("file-pw");
		assertThat(settings.schema()).isEqualTo("file_schema");
		assertThat(settings.versionTable()).isEqualTo("file_version");
		assertThat(settings.propertiesFile()).isEqualTo(config.resolve("retort.properties"));
	}

	@Test
	void locationsInTheFileAreRelativeToItsFolder() throws IOException {
		Path config = Files.createDirectories(this.folder.resolve("project"));
		Files.writeString(config.resolve("retort.properties"), "locations=filesystem:db/revisions, extra\n");
		Settings settings = new SettingsResolver(Map.of(), this.folder)
			.resolve(new CommandLineSettings("project/retort.properties", null, null, null, null, null, null, null));
		assertThat(settings.filesystemLocations()).containsExactly(config.resolve("db/revisions"),
				config.resolve("extra"));
	}

	@Test
	void locationsFromOptionsAndEnvironmentAreRelativeToTheWorkingDirectory() {
		Settings fromEnv = new SettingsResolver(Map.of("RETORT_LOCATIONS", "filesystem:a,classpath:db/b"), this.folder)
			.resolve(CommandLineSettings.none());
		assertThat(fromEnv.locations()).containsExactly("filesystem:" + this.folder.resolve("a"), "classpath:db/b");
		Settings fromOption = new SettingsResolver(Map.of("RETORT_LOCATIONS", "filesystem:a"), this.folder)
			.resolve(new CommandLineSettings(null, null, null, null, "c", null, null, null));
		assertThat(fromOption.filesystemLocations()).containsExactly(this.folder.resolve("c"));
	}

	@Test
	void defaultLocationIsRevisionsNextToThePropertiesFileOrHere() throws IOException {
		Settings here = new SettingsResolver(Map.of(), this.folder).resolve(CommandLineSettings.none());
		assertThat(here.filesystemLocations()).containsExactly(this.folder.resolve("revisions"));
		assertThat(here.propertiesFile()).isNull();
		Path project = Files.createDirectories(this.folder.resolve("p"));
		Files.writeString(project.resolve("retort.properties"), "url=jdbc:h2:mem:x\n");
		Settings nextToFile = new SettingsResolver(Map.of(), this.folder)
			.resolve(new CommandLineSettings("p/retort.properties", null, null, null, null, null, null, null));
		assertThat(nextToFile.filesystemLocations()).containsExactly(project.resolve("revisions"));
	}

	@Test
	void retortPropertiesInTheWorkingDirectoryIsReadWithoutDashC() throws IOException {
		Files.writeString(this.folder.resolve("retort.properties"), "url=jdbc:h2:mem:implicit\n");
		Settings settings = new SettingsResolver(Map.of(), this.folder).resolve(CommandLineSettings.none());
		assertThat(settings.url()).isEqualTo("jdbc:h2:mem:implicit");
	}

	@Test
	void unknownKeysAndMissingFilesAreErrors() throws IOException {
		Files.writeString(this.folder.resolve("retort.properties"), "ulr=jdbc:h2:mem:typo\n");
		assertThatThrownBy(() -> new SettingsResolver(Map.of(), this.folder).resolve(CommandLineSettings.none()))
			.isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_CONFIGURATION))
			.hasMessageContaining("ulr");
		assertThatThrownBy(() -> new SettingsResolver(Map.of(), this.folder)
			.resolve(new CommandLineSettings("missing.properties", null, null, null, null, null, null, null)))
			.isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_CONFIGURATION))
			.hasMessageContaining("missing.properties");
	}

	@Test
	void passwordsAreMaskedInUrls() {
		assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/app?user=u&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=u&password=******&ssl=true");
		assertThat(Secrets.maskUrl("jdbc:mariadb://u:s3cret@db:3306/app")).isEqualTo("jdbc:mariadb://u:******@db:3306/app");
		assertThat(Secrets.maskUrl("jdbc:h2:file:./db;USER=sa;PASSWORD=s3cret")).isEqualTo("jdbc:h2:file:./db;USER=sa;PASSWORD=******");
		assertThat(Secrets.maskUrl("jdbc:postgresql://db/app")).isEqualTo("jdbc:postgresql://db/app");
		assertThat(Secrets.redact("login failed for s3cret", "s3cret")).isEqualTo("login failed for ******");
		assertThat(List.of(Secrets.redact("nothing", null), Secrets.redact("nothing", ""))).containsOnly("nothing");
	}

	@Test
	void classPathAndPackagesFollowTheSamePrecedenceAndRelativeRules() throws IOException {
		Path project = Files.createDirectories(this.folder.resolve("project"));
		Files.createDirectories(project.resolve("build/classes"));
		Files.createDirectories(this.folder.resolve("here"));
		Path lib = Files.createDirectories(project.resolve("lib"));
		Files.writeString(lib.resolve("b.jar"), "");
		Files.writeString(lib.resolve("a.jar"), "");
		Files.writeString(lib.resolve("notes.txt"), "");
		Files.writeString(project.resolve("retort.properties"), "classpath=build/classes" + java.io.File.pathSeparator
				+ "lib/*\nscan-packages= com.acme.a , com.acme.b\n");
		CommandLineSettings fileOnly = new CommandLineSettings("project/retort.properties", null, null, null, null,
				null, null, null, null, null);
		Settings fromFile = new SettingsResolver(Map.of(), this.folder).resolve(fileOnly);
		// relative to the properties file's folder; DIR/* is every jar of DIR, in name order
		assertThat(fromFile.classpath()).containsExactly(project.resolve("build/classes"), lib.resolve("a.jar"),
				lib.resolve("b.jar"));
		assertThat(fromFile.scanPackages()).containsExactly("com.acme.a", "com.acme.b");

		Settings fromEnv = new SettingsResolver(Map.of("RETORT_CLASSPATH", "here", "RETORT_SCAN_PACKAGES", "com.env"),
				this.folder).resolve(fileOnly);
		assertThat(fromEnv.classpath()).containsExactly(this.folder.resolve("here"));
		assertThat(fromEnv.scanPackages()).containsExactly("com.env");

		Settings fromOption = new SettingsResolver(Map.of("RETORT_CLASSPATH", "here"), this.folder)
			.resolve(new CommandLineSettings("project/retort.properties", null, null, null, null, null, null, null,
					"project/lib/a.jar", "com.option"));
		assertThat(fromOption.classpath()).containsExactly(lib.resolve("a.jar"));
		assertThat(fromOption.scanPackages()).containsExactly("com.option");

		assertThat(new SettingsResolver(Map.of(), this.folder).resolve(CommandLineSettings.none()).classpath()).isEmpty();
		assertThatThrownBy(() -> new SettingsResolver(Map.of(), this.folder)
			.resolve(new CommandLineSettings(null, null, null, null, null, null, null, null, "nowhere/*", null)))
			.isInstanceOfSatisfying(RetortException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(CoreErrorCode.INVALID_CONFIGURATION))
			.hasMessageContaining("nowhere")
			.hasMessageContaining("--classpath");
	}
}
