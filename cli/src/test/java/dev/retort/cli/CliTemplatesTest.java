package dev.retort.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.retort.RevisionInfo;
import dev.retort.cli.format.GraphFormat;
import dev.retort.cli.format.RevisionIndex;
import dev.retort.cli.generate.JavaPackages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** New revision files, {@code init}'s layout and graph sources. */
class CliTemplatesTest {

	@TempDir
	Path folder;

	@Test
	void javaRevisionPackageComesFromTheSourceFolder() {
		assertThat(JavaPackages.packageFor(this.folder.resolve("app/src/main/java/com/acme/db"))).isEqualTo("com.acme.db");
		assertThat(JavaPackages.packageFor(this.folder.resolve("app/src/test/java/t"))).isEqualTo("t");
		assertThat(JavaPackages.packageFor(this.folder.resolve("app/src/main/java"))).isEmpty();
		assertThat(JavaPackages.packageFor(this.folder.resolve("revisions"))).isEmpty();
	}

	@Test
	void initCreatesTheLayoutAndNeverOverwrites() throws Exception {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		RetortCli cli = new RetortCli(new CliContext(Map.of(), this.folder, new PrintWriter(out), new PrintWriter(err)));
		assertThat(cli.run("init", "proj")).isZero();
		Path project = this.folder.resolve("proj");
		assertThat(project.resolve("revisions")).isDirectory();
		assertThat(Files.readString(project.resolve("retort.properties"))).contains("locations=filesystem:revisions");
		assertThat(out.toString().lines().toList()).containsExactly("Creating directory " + project + " ...  done",
				"Creating directory " + project.resolve("revisions") + " ...  done",
				"Generating " + project.resolve("retort.properties") + " ...  done",
				"Please edit the connection settings in '" + project.resolve("retort.properties")
						+ "' before proceeding.");
		assertThat(err.toString()).isEmpty();

		StringWriter again = new StringWriter();
		StringWriter againErr = new StringWriter();
		RetortCli second = new RetortCli(new CliContext(Map.of(), this.folder, new PrintWriter(again),
				new PrintWriter(againErr)));
		assertThat(second.run("init", "proj")).isEqualTo(RetortCli.FAILED);
		assertThat(againErr.toString().lines().toList()).singleElement()
			.asString()
			.startsWith("ERROR [INVALID_ARGUMENT] File " + project.resolve("retort.properties") + " already exists");
	}

	@Test
	void graphSources() {
		java.util.Map<String, RevisionInfo> infos = CliFormatTest.infos(
				CliFormatTest.node("aaaa", List.of(), List.of(), List.of(), "root"),
				CliFormatTest.node("bbbb", List.of("aaaa"), List.of("acc"), List.of(), "left"),
				CliFormatTest.node("cccc", List.of("aaaa"), List.of(), List.of("acc"), "say \"hi\""));
		RevisionIndex index = new RevisionIndex(List.of(infos.get("cccc"), infos.get("bbbb"), infos.get("aaaa")));
		String mermaid = GraphFormat.MERMAID.render(index, java.util.Set.of("bbbb"));
		assertThat(mermaid).startsWith("flowchart TD\n")
			.contains("r_aaaa --> r_bbbb", "r_aaaa --> r_cccc", "r_bbbb -. depends on .-> r_cccc",
					"r_cccc[\"cccc<br/>say #quot;hi#quot;\"]", "class r_bbbb current");
		String dot = GraphFormat.DOT.render(index, java.util.Set.of());
		assertThat(dot).startsWith("digraph retort {")
			.contains("\"aaaa\" -> \"bbbb\";", "\"bbbb\" -> \"cccc\" [style=dashed", "label=\"cccc\\nsay \\\"hi\\\"\"")
			.doesNotContain("fillcolor");
		assertThat(GraphFormat.parse("DoT")).isEqualTo(GraphFormat.DOT);
	}
}
