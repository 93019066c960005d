package dev.retort.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.retort.RevisionInfo;
import dev.retort.cli.format.GraphFormat;
import dev.retort.cli.format.RevisionIndex;
import dev.retort.cli.generate.RevisionFileSpec;
import dev.retort.cli.generate.RevisionTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** New revision files, {@code init}'s layout and graph sources. */
class CliTemplatesTest {

	@TempDir
	Path folder;

	private static final LocalDateTime DATE = LocalDateTime.of(2026, 11, 22, 10, 0, 0);

	@Test
	void slugsAsAlembicMakesThem() {
		assertThat(RevisionTemplates.slug("Add users table")).isEqualTo("add_users_table");
		assertThat(RevisionTemplates.slug("add e-mail, phone & fax!")).isEqualTo("add_e_mail_phone_fax");
		// cut to 40 characters at a word boundary, then ending in '_'
		assertThat(RevisionTemplates.slug("this is a rather long message that goes on and on"))
			.isEqualTo("this_is_a_rather_long_message_that_goes_");
		assertThat(RevisionTemplates.slug("")).isEmpty();
	}

	@Test
	void sqlRevisionHasTheHeaderOfTheDesign() {
		RevisionFileSpec spec = new RevisionFileSpec("3f9a1c2b7d4e", "add users table", List.of("1a2b3c4d5e6f"),
				List.of("accounts"), List.of("9c8b7a6d5e4f"), DATE);
		assertThat(RevisionTemplates.sqlFileName(spec)).isEqualTo("3f9a1c2b7d4e_add_users_table.sql");
		assertThat(RevisionTemplates.sql(spec)).startsWith("""
				-- add users table
				--
				-- Revision ID: 3f9a1c2b7d4e
				-- Revises: 1a2b3c4d5e6f
				-- Create Date: 2026-11-22 10:00:00
				-- Branch Labels: accounts
				-- Depends On: 9c8b7a6d5e4f

				-- +upgrade
				""").contains("\n-- +downgrade\n");
		RevisionFileSpec merge = new RevisionFileSpec("ffff", "merge heads", List.of("aaaa", "bbbb"), List.of(),
				List.of(), DATE);
		assertThat(RevisionTemplates.sql(merge)).contains("-- Revises: aaaa, bbbb\n")
			.doesNotContain("Branch Labels")
			.doesNotContain("Depends On");
		RevisionFileSpec base = new RevisionFileSpec("eeee", "first\nline", List.of(), List.of(), List.of(), DATE);
		assertThat(RevisionTemplates.sql(base)).startsWith("-- first line\n").contains("-- Revises: \n");
	}

	@Test
	void javaRevisionIsAnAnnotatedMigration() {
		RevisionFileSpec spec = new RevisionFileSpec("0a1b2c3d4e5f", "add \"users\"", List.of("1a2b3c4d5e6f"),
				List.of("accounts"), List.of(), DATE);
		String className = RevisionTemplates.javaClassName(spec);
		assertThat(className).isEqualTo("R0a1b2c3d4e5f_AddUsers");
		String source = RevisionTemplates.java(spec, "com.acme.db", className);
		assertThat(source).startsWith("package com.acme.db;\n")
			.contains("@Revision(id = \"0a1b2c3d4e5f\", revises = { \"1a2b3c4d5e6f\" }, message = \"add \\\"users\\\"\", "
					+ "branchLabels = { \"accounts\" })")
			.contains("public class R0a1b2c3d4e5f_AddUsers implements Migration")
			.contains("public void upgrade(Operations op)")
			.contains("public void downgrade(Operations op)");
		assertThat(RevisionTemplates.packageFor(this.folder.resolve("app/src/main/java/com/acme/db")))
			.isEqualTo("com.acme.db");
		assertThat(RevisionTemplates.packageFor(this.folder.resolve("revisions"))).isNull();
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
		RevisionInfo root = CliFormatTest.revision("aaaa", List.of(), List.of(), List.of(), "root", false, true, false);
		RevisionInfo left = CliFormatTest.revision("bbbb", List.of("aaaa"), List.of("acc"), List.of(), "left", true,
				false, false);
		RevisionInfo right = CliFormatTest.revision("cccc", List.of("aaaa"), List.of(), List.of("acc"), "say \"hi\"",
				true, false, false);
		RevisionIndex index = new RevisionIndex(List.of(right, left, root));
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
