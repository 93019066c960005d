package dev.retort.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.RevisionNode;

/**
 * A quick check of graph costs in thread CPU time, which a busy machine disturbs less than wall
 * time. JMH ({@link GraphBenchmark}) gives the figures to report; this helps while profiling.
 * Run: {@code java -cp bench/target/benchmarks.jar dev.retort.bench.GraphCpuTiming 10000}.
 */
public final class GraphCpuTiming {

	private GraphCpuTiming() {
	}

	public static void main(String[] args) {
		int size = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		List<RevisionNode> nodes = BranchyGraphs.generate(size);
		RevisionGraph graph = RevisionGraph.build(nodes);
		List<String> heads = graph.realHeads();
		report("build", () -> RevisionGraph.build(nodes));
		report("planBaseToHeads", () -> graph.planUpgrade(List.of(), "heads"));
		report("planHeadsToBase", () -> graph.planDowngrade(heads, "base"));
		report("history", () -> graph.history(null));
	}

	private static void report(String name, Supplier<?> work) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < 5; i++) {
			work.get();
		}
		int runs = 10;
		long start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < runs; i++) {
			work.get();
		}
		double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / runs;
		System.out.printf("%-18s %8.2f ms CPU/op%n", name, ms);
	}
}
