package dev.retort.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * Runs the kit's dynamic nodes the way JUnit does (in order, one at a time, containers pulled lazily)
 * and records each test's outcome by its path, so tests can assert which node failed and how.
 */
final class KitRun {

	/** Failures by path ({@code "stairway (each revision up, down, up)/b2 index title"}). */
	final Map<String, Throwable> failures = new LinkedHashMap<>();

	final List<String> passed = new ArrayList<>();

	final List<String> aborted = new ArrayList<>();

	static KitRun of(Stream<? extends DynamicNode> nodes) {
		KitRun run = new KitRun();
		nodes.forEach(node -> run.execute("", node));
		return run;
	}

	static KitRun of(DynamicNode node) {
		return of(Stream.of(node));
	}

	private void execute(String prefix, DynamicNode node) {
		String path = prefix + node.getDisplayName();
		if (node instanceof DynamicContainer container) {
			container.getChildren().forEach(child -> execute(path + "/", child));
			return;
		}
		try {
			((DynamicTest) node).getExecutable().execute();
			this.passed.add(path);
		}
		catch (TestAbortedException ex) {
			this.aborted.add(path);
		}
		catch (Throwable ex) {
			this.failures.put(path, ex);
		}
	}

	/** The single failure's message (fails the calling test if there is not exactly one). */
	String onlyFailure() {
		if (this.failures.size() != 1) {
			throw new AssertionError("Expected exactly one failed check, got " + this.failures.keySet() + " "
					+ this.failures.values().stream().map(Throwable::getMessage).toList());
		}
		return this.failures.keySet().iterator().next() + ": " + this.failures.values().iterator().next().getMessage();
	}

	@Override
	public String toString() {
		return "passed " + this.passed + ", aborted " + this.aborted + ", failed " + this.failures;
	}
}
