package dev.retort.internal.schema;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.retort.internal.schema.Concurrently.Both;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two pieces of scratch work at once: both run in parallel, both end before the caller goes on, failures ordered. */
class ConcurrentlyTest {

	@Test
	void runsBothAtOnceAndReturnsBothResults() {
		// Each side waits for the other to have started: only possible if they run at the same time.
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch secondStarted = new CountDownLatch(1);
		AtomicReference<String> firstThread = new AtomicReference<>();
		Both<String, Integer> both = Concurrently.run("test-first", () -> {
			firstThread.set(Thread.currentThread().getName());
			firstStarted.countDown();
			await(secondStarted);
			return "replayed";
		}, () -> {
			secondStarted.countDown();
			await(firstStarted);
			return 42;
		});
		assertThat(both.first()).isEqualTo("replayed");
		assertThat(both.second()).isEqualTo(42);
		assertThat(firstThread.get()).isEqualTo("test-first");
	}

	@Test
	void waitsForTheFirstWhenTheSecondFailsAndThrowsTheSecondsFailure() {
		AtomicBoolean firstFinished = new AtomicBoolean();
		assertThatThrownBy(() -> Concurrently.run("test-first", () -> {
			sleep(200);
			firstFinished.set(true);
			return "done";
		}, () -> {
			throw new IllegalStateException("model failed");
		})).isInstanceOf(IllegalStateException.class).hasMessage("model failed");
		// Returned only after the first ended: the caller may now drop what it used.
		assertThat(firstFinished).isTrue();
	}

	@Test
	void theFirstsFailureComesFirstWithTheSecondsSuppressed() {
		assertThatThrownBy(() -> Concurrently.run("test-first", () -> {
			throw new IllegalArgumentException("replay failed");
		}, () -> {
			throw new IllegalStateException("model failed");
		})).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("replay failed")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
				.satisfies((suppressed) -> assertThat(suppressed).hasMessage("model failed")));
	}

	@Test
	void anInterruptReachesTheFirstAndIsKeptOnTheCaller() throws Exception {
		AtomicBoolean firstInterrupted = new AtomicBoolean();
		AtomicBoolean callerStillInterrupted = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			Concurrently.run("test-first", () -> {
				try {
					Thread.sleep(10_000);
				}
				catch (InterruptedException ex) {
					firstInterrupted.set(true);
				}
				return "stopped";
			}, () -> "model");
			callerStillInterrupted.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		Thread.sleep(200);
		caller.interrupt();
		caller.join(5_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(firstInterrupted).isTrue();
		assertThat(callerStillInterrupted).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other side started").isTrue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
