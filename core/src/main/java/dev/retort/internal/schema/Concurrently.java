package dev.retort.internal.schema;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Two independent pieces of scratch-database work run at once: the first on a new daemon thread,
 * the second on the caller's. Used where both sides wait on the database server (replaying the
 * revisions and creating the model, creating and dropping the two databases), so that a
 * two-core machine does both in the time of the longer one.
 *
 * <p>Both always finish before {@link #run} returns or throws, so nothing still uses a scratch
 * database when the caller drops it. A failure of the first is thrown before one of the second
 * (the first is the one the caller would have run first), with the other attached as suppressed.
 */
public final class Concurrently {

	private Concurrently() {
	}

	/** What both pieces returned. */
	public record Both<A, B>(A first, B second) {
	}

	/**
	 * Runs {@code first} on a new thread named {@code threadName} and {@code second} on this one,
	 * and waits for both.
	 * @param threadName the name of the thread {@code first} runs on (seen in logs and dumps)
	 * @param first the work for the new thread (it inherits this thread's context class loader)
	 * @param second the work for this thread
	 * @return both results
	 */
	public static <A, B> Both<A, B> run(String threadName, Supplier<A> first, Supplier<B> second) {
		FutureTask<A> firstTask = new FutureTask<>(first::get);
		Thread thread = new Thread(firstTask, threadName);
		thread.setDaemon(true);
		thread.start();
		@Nullable B secondResult = null;
		@Nullable Throwable secondFailure = null;
		try {
			secondResult = second.get();
		}
		catch (RuntimeException | Error ex) {
			secondFailure = ex;
		}
		@Nullable A firstResult = null;
		@Nullable Throwable firstFailure = null;
		try {
			firstResult = awaitUninterruptibly(firstTask, thread);
		}
		catch (ExecutionException ex) {
			firstFailure = (ex.getCause() != null) ? ex.getCause() : ex;
		}
		if (firstFailure != null) {
			if (secondFailure != null) {
				firstFailure.addSuppressed(secondFailure);
			}
			throw unchecked(firstFailure);
		}
		if (secondFailure != null) {
			throw unchecked(secondFailure);
		}
		return new Both<>(firstResult, secondResult);
	}

	/**
	 * Waits for the task. An interrupt is passed on to the task's thread (a replay stops at its
	 * next statement) and restored on this one once the task has ended: the caller is about to
	 * drop the database the task uses.
	 */
	private static <A> A awaitUninterruptibly(FutureTask<A> task, Thread thread) throws ExecutionException {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return task.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
					thread.interrupt();
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static RuntimeException unchecked(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(failure);
	}
}
