package dev.retort.internal.autogen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.retort.RevisionFormat;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.schema.ChangeApplier;
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

	private final Supplier<OfflineOperations> operations;

	public RevisionRenderer(SqlDialect dialect) {
		this(() -> new OfflineOperations(dialect));
	}

	/**
	 * A renderer recording each change with operations from {@code operations}, in order: upgrade
	 * first, then downgrade (an {@code OfflineSession} that follows the schema needs that order).
	 */
	public RevisionRenderer(Supplier<OfflineOperations> operations) {
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
		List<String> warnings = new ArrayList<>();
		for (SchemaChange change : upgrade) {
			String marker = marker(change);
			if (marker != null) {
				warnings.add(change.text() + "  [" + marker + "]");
			}
		}
		List<SchemaChange> downgrade = SchemaChange.reverseAll(upgrade);
		if (format == RevisionFormat.JAVA) {
			return new Rendered(RevisionFileWriter.java(revision, javaPackage, java(upgrade), java(downgrade)),
					warnings);
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

	private String java(List<SchemaChange> changes) {
		StringBuilder out = new StringBuilder();
		for (SchemaChange change : changes) {
			String marker = marker(change);
			if (marker != null) {
				out.append("\t\t// ").append(REVIEW).append(' ').append(oneLine(marker)).append('\n');
			}
			out.append("\t\t// ").append(oneLine(change.text())).append('\n');
			for (String statement : statements(change)) {
				out.append("\t\top.execute(").append(literal(statement)).append(");\n");
			}
		}
		return out.toString();
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
