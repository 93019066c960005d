package dev.retort.bench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns samples into the Markdown tables of docs/performance.md. */
final class Report {

	private static final String[][] MODES = {
			{ "cold-call", "Cold: in-process time of the tool call (fresh JVM per run), ms, median [min–max]" },
			{ "cold-process", "Cold: whole process (JVM start to exit), ms, median [min–max]" },
			{ "warm", "Warm: one JVM after warm-up, ms, median [min–max]" } };

	private final List<Compare.Sample> samples;

	private final List<Contender> contenders;

	Report(List<Compare.Sample> samples, List<Contender> contenders) {
		this.samples = samples;
		this.contenders = contenders;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		Set<String> databases = new LinkedHashSet<>();
		Set<Scenario> scenarios = new LinkedHashSet<>();
		for (Compare.Sample s : this.samples) {
			databases.add(s.database());
			scenarios.add(s.scenario());
		}
		for (String[] mode : MODES) {
			md.append("### ").append(mode[1]).append("\n\n| database | scenario |");
			for (Contender c : this.contenders) {
				md.append(' ').append(c.label()).append(" |");
			}
			List<Contender> others = this.contenders.stream().filter((c) -> c != Contender.RETORT).toList();
			for (Contender other : others) {
				md.append(" Retort/").append(other.ratioLabel()).append(" |");
			}
			md.append("\n|---|---|").append("---:|".repeat(this.contenders.size() + others.size())).append('\n');
			for (String database : databases) {
				for (Scenario scenario : scenarios) {
					if (values(database, scenario, Contender.RETORT, mode[0]).length == 0
							&& values(database, scenario, Contender.FLYWAY, mode[0]).length == 0) {
						continue;
					}
					md.append("| ").append(database).append(" | ").append(scenario).append(" |");
					for (Contender c : this.contenders) {
						md.append(' ').append(cell(values(database, scenario, c, mode[0]))).append(" |");
					}
					double retort = median(values(database, scenario, Contender.RETORT, mode[0]));
					for (Contender other : others) {
						double value = median(values(database, scenario, other, mode[0]));
						md.append(' ').append(Double.isNaN(retort) || Double.isNaN(value) ? "–"
								: String.format("%.2f×", retort / value)).append(" |");
					}
					md.append('\n');
				}
			}
			md.append('\n');
		}
		growth(md, databases);
		return md.toString();
	}

	private void growth(StringBuilder md, Set<String> databases) {
		md.append("### noop growth from 1,000 to 10,000 revisions: ms per 1,000 revisions added,"
				+ " (t(10,000) − t(1,000)) / 9, medians\n\n| database | mode |");
		for (Contender c : this.contenders) {
			md.append(' ').append(c.label()).append(" |");
		}
		md.append("\n|---|---|").append("---:|".repeat(this.contenders.size())).append('\n');
		Scenario small = new Scenario(Scenario.Kind.NOOP, 1000);
		Scenario large = new Scenario(Scenario.Kind.NOOP, 10000);
		for (String database : databases) {
			for (String[] mode : MODES) {
				if (values(database, large, Contender.RETORT, mode[0]).length == 0) {
					continue;
				}
				md.append("| ").append(database).append(" | ").append(mode[0]).append(" |");
				for (Contender c : this.contenders) {
					double a = median(values(database, small, c, mode[0]));
					double b = median(values(database, large, c, mode[0]));
					md.append(' ').append(Double.isNaN(a) || Double.isNaN(b) ? "–"
							: String.format("%.1f (%.0f → %.0f)", (b - a) / 9, a, b)).append(" |");
				}
				md.append('\n');
			}
		}
		md.append('\n');
	}

	private double[] values(String database, Scenario scenario, Contender contender, String mode) {
		List<Double> list = new ArrayList<>();
		for (Compare.Sample s : this.samples) {
			if (s.database().equals(database) && s.scenario().equals(scenario) && s.contender() == contender
					&& s.mode().equals(mode)) {
				list.add(s.ms());
			}
		}
		return list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
	}

	private static String cell(double[] sorted) {
		if (sorted.length == 0) {
			return "–";
		}
		return String.format("%s [%s–%s]", format(median(sorted)), format(sorted[0]), format(sorted[sorted.length - 1]));
	}

	private static String format(double ms) {
		return (ms >= 100) ? String.format("%,.0f", ms) : String.format("%.1f", ms);
	}

	static double median(double[] sorted) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		double[] copy = Arrays.copyOf(sorted, sorted.length);
		Arrays.sort(copy);
		int mid = copy.length / 2;
		return (copy.length % 2 == 1) ? copy[mid] : (copy[mid - 1] + copy[mid]) / 2;
	}
}
