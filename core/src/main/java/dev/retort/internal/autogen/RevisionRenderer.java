package dev.retort.internal.autogen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.retort.RevisionFormat;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.schema.ChangeApplier;
import dev.retort.internal.schema.ColumnForms;
import dev.retort.internal.schema.SchemaChange;
import dev.retort.internal.ops.OfflineOperations;
import dev.retort.NewRevision;
import dev.retort.RevisionFile;
import dev.retort.internal.script.RevisionFileWriter;

import org.jspecify.annotations.Nullable;

/**
 * Renders a verified change list as a revision file. The statements are those the
 * {@link ChangeApplier} gives through {@link OfflineOperations} for the scratch engine, the same
 * code that ran them live during verification. Every change gets a comment line saying what it
 * does; a change to review gets a {@code REVIEW:} line above it (destructive, may fail on existing
 * data, possible rename), which is also returned as a warning.
 */
public final class RevisionRenderer {

	/** The marker of a line to review, in SQL and Java files alike. */
	public static final String REVIEW = "REVIEW:";

	/** The marker of a Java step written in the scratch engine's terms. */
	public static final String ENGINE_SPECIFIC = "ENGINE-SPECIFIC:";

	private final SqlDialect dialect;

	private final Supplier<OfflineOperations> operations;

	public RevisionRenderer(SqlDialect dialect) {
		this(dialect, () -> new OfflineOperations(dialect));
	}

	/**
	 * A renderer recording each change's SQL with operations from {@code operations}, in order: upgrade
	 * first, then downgrade (an {@code OfflineSession} that follows the schema needs that order). Java
	 * revisions are written as DSL calls, in {@code dialect}'s terms where they cannot be neutral.
	 */
	public RevisionRenderer(SqlDialect dialect, Supplier<OfflineOperations> operations) {
		this.dialect = dialect;
		this.operations = operations;
	}

	/** The rendered file and its warnings. */
	public record Rendered(RevisionFile file, List<String> warnings) {
	}

	/**
	 * Renders the upgrade and the downgrade (the reversed list of reversed changes).
	 * @param javaPackage the package of a Java revision
	 */
	public Rendered render(NewRevision revision, List<SchemaChange> upgrade, RevisionFormat format,
			String javaPackage) {
		return render(revision, upgrade, format, javaPackage, ColumnForms.AS_REPORTED);
	}

	/**
	 * Renders as {@link #render(NewRevision, List, RevisionFormat, String)} does; a Java revision calls
	 * the DSL with the column types and defaults in the given forms (neutral where they were found).
	 */
	public Rendered render(NewRevision revision, List<SchemaChange> upgrade, RevisionFormat format,
			String javaPackage, ColumnForms forms) {
		List<String> warnings = new ArrayList<>();
		for (SchemaChange change : upgrade) {
			String marker = marker(change);
			if (marker != null) {
				warnings.add(change.text() + "  [" + marker + "]");
			}
		}
		List<SchemaChange> downgrade = SchemaChange.reverseAll(upgrade);
		if (format == RevisionFormat.JAVA) {
			String up = java(upgrade, forms);
			String down = java(downgrade, forms);
			return new Rendered(RevisionFileWriter.java(revision, javaPackage, imports(up + down), up, down), warnings);
		}
		return new Rendered(RevisionFileWriter.sql(revision, sql(upgrade), sql(downgrade)), warnings);
	}

	/** What to review in a change, or {@code null}. */
	static @Nullable String marker(SchemaChange change) {
		List<String> parts = new ArrayList<>();
		if (change.destructive()) {
			parts.add("destructive, data is lost");
		}
		if (change.dataDependent()) {
			parts.add("may fail on existing data");
		}
		if (change.renameHint() != null) {
			parts.add(change.renameHint());
		}
		return parts.isEmpty() ? null : String.join("; ", parts);
	}

	private String sql(List<SchemaChange> changes) {
		StringBuilder out = new StringBuilder();
		for (SchemaChange change : changes) {
			String marker = marker(change);
			if (marker != null) {
				out.append("-- ").append(REVIEW).append(' ').append(oneLine(marker)).append('\n');
			}
			out.append("-- ").append(oneLine(change.text())).append('\n');
			for (String statement : statements(change)) {
				out.append(statement).append(";\n");
			}
		}
		return out.toString();
	}

	/**
	 * DSL calls; a step that cannot be written in dialect-neutral terms gets an {@code ENGINE-SPECIFIC}
	 * comment naming what ties it to the scratch engine.
	 */
	private String java(List<SchemaChange> changes, ColumnForms forms) {
		StringBuilder out = new StringBuilder();
		for (SchemaChange change : changes) {
			String marker = marker(change);
			if (marker != null) {
				out.append("\t\t// ").append(REVIEW).append(' ').append(oneLine(marker)).append('\n');
			}
			out.append("\t\t// ").append(oneLine(change.text())).append('\n');
			JavaSourceOperations op = new JavaSourceOperations(this.dialect);
			new ChangeApplier(op, forms).apply(change);
			if (!op.engineSpecific().isEmpty()) {
				out.append("\t\t// ").append(ENGINE_SPECIFIC).append(' ').append(this.dialect.name()).append(" only: ")
					.append(oneLine(String.join("; ", op.engineSpecific()))).append('\n');
			}
			for (String line : op.lines()) {
				out.append("\t\t").append(line.replace("\n", "\n\t\t")).append('\n');
			}
		}
		return out.toString();
	}

	/** The DSL classes the Java bodies name. */
	private static List<String> imports(String body) {
		List<String> imports = new ArrayList<>();
		for (String name : List.of("AlterColumn", "CheckConstraint", "Column", "ConstraintType", "DefaultValue",
				"ForeignKey", "Index", "PrimaryKey", "QualifiedName", "ReferentialAction", "SchemaOperation",
				"SqlType", "UniqueConstraint")) {
			if (java.util.regex.Pattern.compile("\\b" + name + "[.(]").matcher(body).find()
					|| body.contains("new " + name + "(")) {
				imports.add("dev.retort." + name);
			}
		}
		if (body.contains("List.of(")) {
			imports.add("java.util.List");
		}
		return imports;
	}

	private List<String> statements(SchemaChange change) {
		OfflineOperations op = this.operations.get();
		new ChangeApplier(op).apply(change);
		return op.statements();
	}

	/** A Java string literal; line breaks as {@code \n} (a unicode escape would end the literal). */
	static String literal(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				case '\r' -> out.append("\\r");
				default -> out.append((c < 0x20 || c == 0x7f) ? String.format("\\%03o", (int) c) : String.valueOf(c));
			}
		}
		return out.append('"').toString();
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s+", " ");
	}
}
