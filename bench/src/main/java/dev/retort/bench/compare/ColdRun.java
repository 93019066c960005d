package dev.retort.bench.compare;

import java.nio.file.Path;

/**
 * One measured tool call in a fresh JVM, started by {@link Compare}: prints {@code CALL_NS <n>}, the
 * in-process time of the call (configure, load, run). The parent measures the whole process.
 * <p>
 * Arguments: {@code <contender> <scenario> <jdbc-url> <work-folder>}.
 */
public final class ColdRun {

	private ColdRun() {
	}

	public static void main(String[] args) {
		Contender contender = Contender.valueOf(args[0]);
		Scenario scenario = Scenario.parse(args[1]);
		String url = args[2];
		Workload work = Workload.generate(Path.of(args[3]), scenario.size());
		long start = System.nanoTime();
		scenario.run(contender, url, work);
		long elapsed = System.nanoTime() - start;
		System.out.println("CALL_NS " + elapsed);
	}
}
