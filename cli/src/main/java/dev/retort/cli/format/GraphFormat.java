package dev.retort.cli.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.retort.RevisionInfo;

/**
 * The revision graph as a picture source: Mermaid ({@code flowchart}) or Graphviz DOT. Edges go
 * from a revision to the revision that revises it (oldest at the top); {@code depends_on} edges are
 * dashed; current revisions are highlighted.
 */
public enum GraphFormat {

	/** A Mermaid {@code flowchart}, for Markdown pages (GitHub, GitLab render it). */
	MERMAID {
		@Override
		public String render(RevisionIndex index, Set<String> current) {
			StringBuilder out = new StringBuilder("flowchart TD\n");
			List<RevisionInfo> oldestFirst = oldestFirst(index);
			for (RevisionInfo revision : oldestFirst) {
				out.append("    ").append(node(revision.id())).append("[\"").append(label(revision, "<br/>"))
					.append("\"]\n");
			}
			for (RevisionInfo revision : oldestFirst) {
				for (String down : revision.downRevisions()) {
					out.append("    ").append(node(down)).append(" --> ").append(node(revision.id())).append('\n');
				}
				for (RevisionInfo target : index.dependencies(revision)) {
					out.append("    ").append(node(target.id())).append(" -. depends on .-> ")
						.append(node(revision.id())).append('\n');
				}
			}
			List<String> highlighted = oldestFirst.stream().map(RevisionInfo::id).filter(current::contains).toList();
			if (!highlighted.isEmpty()) {
				out.append("    classDef current fill:#ffd54f,stroke:#f57f17,stroke-width:2px\n");
				out.append("    class ").append(String.join(",", highlighted.stream().map(GraphFormat::node).toList()))
					.append(" current\n");
			}
			return out.toString();
		}

		private static String label(RevisionInfo revision, String newline) {
			StringBuilder text = new StringBuilder(revision.id());
			if (!revision.branchLabels().isEmpty()) {
				text.append(" (").append(String.join(", ", revision.branchLabels())).append(")");
			}
			if (!revision.message().isEmpty()) {
				text.append(newline).append(revision.message());
			}
			return text.toString().replace("\"", "#quot;");
		}
	},

	/** Graphviz DOT ({@code dot -Tsvg}). */
	DOT {
		@Override
		public String render(RevisionIndex index, Set<String> current) {
			StringBuilder out = new StringBuilder("digraph retort {\n");
			out.append("    node [shape=box, fontname=\"monospace\"];\n");
			List<RevisionInfo> oldestFirst = oldestFirst(index);
			for (RevisionInfo revision : oldestFirst) {
				out.append("    ").append(quote(revision.id())).append(" [label=").append(quote(label(revision)));
				if (current.contains(revision.id())) {
					out.append(", style=\"filled,bold\", fillcolor=\"#ffd54f\"");
				}
				out.append("];\n");
			}
			for (RevisionInfo revision : oldestFirst) {
				for (String down : revision.downRevisions()) {
					out.append("    ").append(quote(down)).append(" -> ").append(quote(revision.id())).append(";\n");
				}
				for (RevisionInfo target : index.dependencies(revision)) {
					out.append("    ").append(quote(target.id())).append(" -> ").append(quote(revision.id()))
						.append(" [style=dashed, label=\"depends on\"];\n");
				}
			}
			out.append("}\n");
			return out.toString();
		}

		private static String label(RevisionInfo revision) {
			StringBuilder text = new StringBuilder(revision.id());
			if (!revision.branchLabels().isEmpty()) {
				text.append(" (").append(String.join(", ", revision.branchLabels())).append(")");
			}
			if (!revision.message().isEmpty()) {
				text.append("\n").append(revision.message());
			}
			return text.toString();
		}

		private static String quote(String text) {
			return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
		}
	};

	/** The graph's source text. */
	public abstract String render(RevisionIndex index, Set<String> current);

	/** Parses {@code mermaid} or {@code dot} (any case). */
	public static GraphFormat parse(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

	private static List<RevisionInfo> oldestFirst(RevisionIndex index) {
		List<RevisionInfo> all = new ArrayList<>(index.all());
		Collections.reverse(all);
		return all;
	}

	/** A Mermaid node id: prefixed, because a bare id may be a Mermaid keyword ({@code end}). */
	private static String node(String id) {
		return "r_" + id;
	}
}
