package dev.retort.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.retort.MigrationPlan;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.RevisionNode;

/**
 * Graph build and planning on a branchy graph (issue 2's scale target: plan under 50 ms warm,
 * build under 200 ms). Run: {@code ./mvnw -Pbench -pl bench -am package -DskipTests &&
 * java -jar bench/target/benchmarks.jar GraphBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GraphBenchmark {

	@Param({ "10000" })
	int revisions;

	List<RevisionNode> nodes;

	RevisionGraph graph;

	List<String> heads;

	@Setup
	public void setUp() {
		this.nodes = BranchyGraphs.generate(this.revisions);
		this.graph = RevisionGraph.build(this.nodes);
		this.heads = this.graph.realHeads();
	}

	@Benchmark
	public RevisionGraph build() {
		return RevisionGraph.build(this.nodes);
	}

	@Benchmark
	public MigrationPlan planBaseToHeads() {
		return this.graph.planUpgrade(List.of(), "heads");
	}

	@Benchmark
	public MigrationPlan planHeadsToBase() {
		return this.graph.planDowngrade(this.heads, "base");
	}

	@Benchmark
	public List<String> history() {
		return this.graph.history(null);
	}
}
