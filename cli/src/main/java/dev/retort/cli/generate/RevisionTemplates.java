package dev.retort.cli.generate;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Renders new revision files, the counterpart of Alembic's {@code script.py.mako}: a SQL file with
 * the header of DESIGN.md ({@code Revision ID}, {@code Revises}, {@code Create Date}, optional
 * {@code Branch Labels} and {@code Depends On}) and empty {@code -- +upgrade}/{@code -- +downgrade}
 * sections, or a Java class annotated {@code @Revision}. File names follow Alembic's
 * {@code <id>_<slug>}.
 */
public final class RevisionTemplates {

	/** The create date's form in headers ({@code 2026-11-22 10:00:00}). */
	public static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	/** Alembic's {@code truncate_slug_length} default. */
	private static final int SLUG_LENGTH = 40;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

	private RevisionTemplates() {
	}

	/** A SQL revision file's text. */
	public static String sql(RevisionFileSpec spec) {
		StringBuilder text = new StringBuilder();
		text.append("-- ").append(spec.message().isEmpty() ? "empty message" : spec.message()).append('\n');
		text.append("--\n");
		text.append("-- Revision ID: ").append(spec.id()).append('\n');
		text.append("-- Revises: ").append(String.join(", ", spec.downRevisions())).append('\n');
		text.append("-- Create Date: ").append(CREATE_DATE.format(spec.createDate())).append('\n');
		if (!spec.branchLabels().isEmpty()) {
			text.append("-- Branch Labels: ").append(String.join(", ", spec.branchLabels())).append('\n');
		}
		if (!spec.dependsOn().isEmpty()) {
			text.append("-- Depends On: ").append(String.join(", ", spec.dependsOn())).append('\n');
		}
		text.append('\n');
		text.append("-- +upgrade\n");
		if (!spec.isMerge()) {
			text.append("-- Write the upgrade statements here, each ending with ';'.\n");
		}
		text.append('\n');
		text.append("-- +downgrade\n");
		if (!spec.isMerge()) {
			text.append("-- Write the statements that undo the upgrade here. Without this section the revision\n");
			text.append("-- is irreversible.\n");
		}
		return text.toString();
	}

	/** A Java revision class's source. */
	public static String java(RevisionFileSpec spec, @Nullable String packageName, String className) {
		StringBuilder text = new StringBuilder();
		if (packageName != null && !packageName.isEmpty()) {
			text.append("package ").append(packageName).append(";\n\n");
		}
		text.append("import dev.retort.Migration;\n");
		text.append("import dev.retort.Operations;\n");
		text.append("import dev.retort.Revision;\n\n");
		text.append("/**\n");
		text.append(" * ").append(escapeComment(spec.message())).append("\n *\n");
		text.append(" * Revision ID: ").append(spec.id()).append('\n');
		text.append(" * Revises: ").append(String.join(", ", spec.downRevisions())).append('\n');
		text.append(" * Create Date: ").append(CREATE_DATE.format(spec.createDate())).append('\n');
		text.append(" */\n");
		text.append("@Revision(id = ").append(literal(spec.id()));
		text.append(", revises = ").append(array(spec.downRevisions()));
		text.append(", message = ").append(literal(spec.message()));
		if (!spec.branchLabels().isEmpty()) {
			text.append(", branchLabels = ").append(array(spec.branchLabels()));
		}
		if (!spec.dependsOn().isEmpty()) {
			text.append(", dependsOn = ").append(array(spec.dependsOn()));
		}
		text.append(")\n");
		text.append("public class ").append(className).append(" implements Migration {\n\n");
		text.append("\t@Override\n");
		text.append("\tpublic void upgrade(Operations op) {\n");
		text.append("\t}\n\n");
		text.append("\t@Override\n");
		text.append("\tpublic void downgrade(Operations op) {\n");
		text.append("\t}\n\n");
		text.append("}\n");
		return text.toString();
	}

	/**
	 * Alembic's slug: the message's words joined by {@code _}, lower case, cut to 40 characters at a
	 * word boundary (then ending in {@code _}).
	 */
	public static String slug(String message) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(message);
		while (matcher.find()) {
			words.add(matcher.group());
		}
		String slug = String.join("_", words).toLowerCase(Locale.ROOT);
		if (slug.length() > SLUG_LENGTH) {
			String cut = slug.substring(0, SLUG_LENGTH);
			int last = cut.lastIndexOf('_');
			slug = ((last >= 0) ? cut.substring(0, last) : cut) + "_";
		}
		return slug;
	}

	/** {@code <id>_<slug>.sql} ({@code <id>.sql} without a message). */
	public static String sqlFileName(RevisionFileSpec spec) {
		String slug = slug(spec.message());
		return slug.isEmpty() ? spec.id() + ".sql" : spec.id() + "_" + slug + ".sql";
	}

	/** A class name: {@code R<id>_<CamelCaseSlug>} (an id may start with a digit). */
	public static String javaClassName(RevisionFileSpec spec) {
		StringBuilder name = new StringBuilder("R").append(spec.id());
		String slug = slug(spec.message());
		if (!slug.isEmpty()) {
			name.append('_');
			for (String word : slug.split("_")) {
				if (!word.isEmpty()) {
					name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
				}
			}
		}
		StringBuilder safe = new StringBuilder();
		name.codePoints().forEach((c) -> safe.appendCodePoint(Character.isJavaIdentifierPart(c) ? c : '_'));
		return safe.toString();
	}

	/**
	 * The package of a class written to {@code folder}, from the part after {@code src/main/java/}
	 * (or {@code src/test/java/}); {@code null} when the folder is not under such a root.
	 */
	public static @Nullable String packageFor(java.nio.file.Path folder) {
		String path = folder.toAbsolutePath().normalize().toString().replace('\\', '/');
		for (String root : List.of("/src/main/java/", "/src/test/java/")) {
			int at = path.indexOf(root);
			if (at >= 0) {
				String rest = path.substring(at + root.length());
				return rest.isEmpty() ? null : rest.replace('/', '.');
			}
			if (path.endsWith(root.substring(0, root.length() - 1))) {
				return null;
			}
		}
		return null;
	}

	private static String array(List<String> values) {
		return "{ " + String.join(", ", values.stream().map(RevisionTemplates::literal).toList()) + " }";
	}

	private static String literal(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String escapeComment(String text) {
		return text.replace("*/", "*&#47;");
	}
}
