package dev.retort.internal.script;

import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.retort.CoreErrorCode;
import dev.retort.NewRevision;
import dev.retort.RetortException;
import dev.retort.RevisionFile;

import org.jspecify.annotations.Nullable;

/**
 * Renders new revision files for {@code retort revision} and {@code retort merge}: a SQL file in
 * the exact header format Retort reads, or a Java class template. Pure functions: nothing is
 * written to disk here.
 */
public final class RevisionFileWriter {

	/** The {@code Create Date:} format. */
	public static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** Longest slug in a file name, cut at a word boundary (Alembic's default is 40 as well). */
	private static final int SLUG_LENGTH = 40;

	private RevisionFileWriter() {
	}

	/** A fresh random 12-hex-digit id, like Alembic's {@code uuid4().hex[-12:]}. */
	public static String newId() {
		String hex = UUID.randomUUID().toString().replace("-", "");
		return hex.substring(hex.length() - 12);
	}

	/**
	 * A new SQL revision: header, an empty {@code -- +upgrade} section and an empty
	 * {@code -- +downgrade} section, each with a comment saying what goes there. File name
	 * {@code <id>_<slug>.sql} ({@code <id>.sql} when the message has no letters or digits).
	 * @throws RetortException if an id, label or dependency is illegal
	 */
	public static RevisionFile sql(NewRevision revision) {
		return sql(revision, null, null);
	}

	/**
	 * A new SQL revision with the given section bodies (statements each ending with {@code ;},
	 * comments allowed); a {@code null} body gets the comment saying what goes there.
	 * @throws RetortException if an id, label or dependency is illegal, or the result does not read back
	 */
	public static RevisionFile sql(NewRevision revision, @Nullable String upgrade, @Nullable String downgrade) {
		validate(revision);
		String message = oneLine(revision.message());
		StringBuilder out = new StringBuilder();
		if (!message.isEmpty()) {
			out.append("-- ").append(message).append('\n');
			out.append("--\n");
		}
		out.append("-- Revision ID: ").append(revision.id()).append('\n');
		out.append("-- Revises:").append(list(revision.revises())).append('\n');
		out.append("-- Create Date: ").append(CREATE_DATE.format(revision.createDate())).append('\n');
		if (!revision.branchLabels().isEmpty()) {
			out.append("-- Branch Labels:").append(list(revision.branchLabels())).append('\n');
		}
		if (!revision.dependsOn().isEmpty()) {
			out.append("-- Depends On:").append(list(revision.dependsOn())).append('\n');
		}
		if (!revision.transactional()) {
			out.append("-- Transactional: false\n");
		}
		boolean merge = revision.revises().size() > 1;
		out.append('\n');
		out.append("-- +upgrade\n");
		if (upgrade != null) {
			out.append(upgrade);
		}
		else {
			out.append(merge ? "-- a merge revision may stay empty\n"
					: "-- write the upgrade statements here, each ending with ;\n");
		}
		out.append('\n');
		out.append("-- +downgrade\n");
		out.append((downgrade != null) ? downgrade : "-- write the statements that revert the upgrade here;"
				+ " delete this section if the revision cannot be reverted\n");
		String slug = slug(message);
		String fileName = slug.isEmpty() ? revision.id() + ".sql" : revision.id() + "_" + slug + ".sql";
		String content = out.toString();
		// The writer and the reader must agree: re-read what was rendered.
		RevisionScript check = RevisionScript.ofSql(fileName, content);
		if (!check.node().id().equals(revision.id()) || !check.node().message().equals(message)) {
			throw new IllegalStateException("rendered revision does not read back: " + check.node());
		}
		return new RevisionFile(fileName, content);
	}

	/**
	 * A new Java revision class in {@code packageName} (empty for the default package). Class name
	 * {@code R<id>_<CamelCaseSlug>}, file name {@code <ClassName>.java}.
	 * @throws RetortException if an id, label or dependency is illegal
	 */
	public static RevisionFile java(NewRevision revision, String packageName) {
		return java(revision, packageName, null, null);
	}

	/**
	 * A new Java revision class whose methods have the given bodies (statements, each line indented
	 * by the caller); a {@code null} body gets the comment saying what goes there.
	 * @throws RetortException if an id, label or dependency is illegal
	 */
	public static RevisionFile java(NewRevision revision, String packageName, @Nullable String upgrade,
			@Nullable String downgrade) {
		return java(revision, packageName, List.of(), upgrade, downgrade);
	}

	/**
	 * As {@link #java(NewRevision, String, String, String)}, importing the given classes too (fully
	 * qualified names, written in the given order after the imports every revision has).
	 */
	public static RevisionFile java(NewRevision revision, String packageName, List<String> imports,
			@Nullable String upgrade, @Nullable String downgrade) {
		validate(revision);
		String message = oneLine(revision.message());
		String className = className(revision.id(), message);
		StringBuilder out = new StringBuilder();
		if (!packageName.isEmpty()) {
			out.append("package ").append(packageName).append(";\n\n");
		}
		java.util.TreeSet<String> all = new java.util.TreeSet<>(imports);
		all.addAll(List.of("dev.retort.Migration", "dev.retort.Operations", "dev.retort.Revision"));
		for (String imported : all) {
			out.append("import ").append(imported).append(";\n");
		}
		out.append('\n');
		out.append("/**\n");
		out.append(" * ").append(message.isEmpty() ? "Revision " + revision.id() : javadoc(message)).append('\n');
		out.append(" * <p>\n");
		out.append(" * Create Date: ").append(CREATE_DATE.format(revision.createDate())).append('\n');
		out.append(" */\n");
		out.append("@Revision(id = ").append(literal(revision.id()));
		out.append(", revises = ").append(array(revision.revises()));
		out.append(", message = ").append(literal(message));
		if (!revision.branchLabels().isEmpty()) {
			out.append(", branchLabels = ").append(array(revision.branchLabels()));
		}
		if (!revision.dependsOn().isEmpty()) {
			out.append(", dependsOn = ").append(array(revision.dependsOn()));
		}
		if (!revision.transactional()) {
			out.append(", transactional = false");
		}
		out.append(")\n");
		out.append("public class ").append(className).append(" implements Migration {\n\n");
		out.append("\t@Override\n");
		out.append("\tpublic void upgrade(Operations op) {\n");
		out.append((upgrade != null) ? upgrade : "\t\t// op.execute(\"...\"), op.createTable(...), ...\n");
		out.append("\t}\n\n");
		out.append("\t@Override\n");
		out.append("\tpublic void downgrade(Operations op) {\n");
		out.append((downgrade != null) ? downgrade
				: "\t\t// revert what upgrade did; delete this method if the revision cannot be reverted\n");
		out.append("\t}\n");
		out.append("}\n");
		return new RevisionFile(className + ".java", out.toString());
	}

	/**
	 * The file-name slug of a message: lower case ASCII letters and digits joined by {@code _},
	 * accents dropped, at most 40 characters cut at a word boundary; empty if nothing is left.
	 */
	public static String slug(String message) {
		String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.length() > SLUG_LENGTH) {
			int cut = slug.lastIndexOf('_', SLUG_LENGTH);
			slug = slug.substring(0, (cut > 0) ? cut : SLUG_LENGTH);
		}
		return slug;
	}

	static String className(String id, String message) {
		StringBuilder name = new StringBuilder("R");
		for (char c : id.toCharArray()) {
			name.append(Character.isJavaIdentifierPart(c) ? c : '_');
		}
		String slug = slug(message);
		if (!slug.isEmpty()) {
			name.append('_');
			for (String word : slug.split("_")) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		return name.toString();
	}

	private static void validate(NewRevision revision) {
		String problem = RevisionIds.idProblem(revision.id());
		if (problem != null) {
			throw new RetortException(CoreErrorCode.ILLEGAL_REVISION_ID, problem);
		}
		for (String down : revision.revises()) {
			String downProblem = RevisionIds.idProblem(down);
			if (downProblem != null) {
				throw new RetortException(CoreErrorCode.ILLEGAL_REVISION_ID, "revises: " + downProblem);
			}
		}
		for (String name : concat(revision.branchLabels(), revision.dependsOn())) {
			String nameProblem = RevisionIds.nameProblem(name);
			if (nameProblem != null) {
				throw new RetortException(CoreErrorCode.MALFORMED_REVISION, nameProblem);
			}
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	private static String oneLine(String message) {
		return message.strip().replaceAll("\\s+", " ");
	}

	private static String list(List<String> items) {
		return items.isEmpty() ? "" : " " + String.join(", ", items);
	}

	private static String array(List<String> items) {
		if (items.size() == 1) {
			return literal(items.get(0));
		}
		StringBuilder out = new StringBuilder("{ ");
		for (int i = 0; i < items.size(); i++) {
			out.append((i > 0) ? ", " : "").append(literal(items.get(i)));
		}
		return (items.isEmpty() ? "{" : out.toString() + " ") + "}";
	}

	private static String literal(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private static String javadoc(String text) {
		return text.replace("*/", "*&#47;").replace("@", "{@literal @}");
	}
}
