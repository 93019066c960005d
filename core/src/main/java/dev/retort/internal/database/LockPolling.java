package dev.retort.internal.database;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * The waiting loop shared by every lock: try, back off with jitter (so several replicas booting
 * together do not poll in step), say every few seconds who holds the lock and when the wait gives up, give up at the timeout.
 */
final class LockPolling {

	private static final Logger logger = LoggerFactory.getLogger(LockPolling.class);

	private static final long FIRST_PAUSE_MILLIS = 50;

	private static final long MAX_PAUSE_MILLIS = 1000;

	private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

	private LockPolling() {
	}

	/** One attempt to take the lock. */
	interface Attempt {

		boolean tryOnce() throws Exception;
	}

	/** Describes the current holder, or returns {@code null} if the database cannot tell. */
	interface HolderLookup {

		String describe();
	}

	/**
	 * Polls {@code attempt} until it succeeds or {@code timeout} passes.
	 * @param what the lock, for messages ({@code advisory lock 123 on PostgreSQL})
	 */
	static void poll(String what, Duration timeout, Attempt attempt, HolderLookup holder) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long nextReport = start + Duration.ofSeconds(2).toNanos();
		long pause = FIRST_PAUSE_MILLIS;
		try {
			while (true) {
				if (attempt.tryOnce()) {
					return;
				}
				long now = System.nanoTime();
				if (now - deadline >= 0) {
					throw new RetortException(CoreErrorCode.LOCK_TIMEOUT, "Could not take the migration lock (" + what
							+ ") within " + format(timeout) + ": it is held by " + holder.describe()
							+ ". Another migrator is running; wait for it, or raise the lock timeout."
							+ " A crashed migrator releases it on its own (session locks end with the"
							+ " connection, lock rows expire).");
				}
				if (now - nextReport >= 0) {
					logger.warn("Waiting for the migration lock ({}) held by {}: waited {}, giving up in {} (at {})", what,
							holder.describe(), format(Duration.ofNanos(now - start)),
							format(Duration.ofNanos(deadline - now)),
							java.time.Instant.now().plusNanos(deadline - now).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
					nextReport = now + REPORT_EVERY_NANOS;
				}
				long remainingMillis = Math.max(1, (deadline - now) / 1_000_000);
				long sleep = Math.min(remainingMillis, pause + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
				Thread.sleep(sleep);
				pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RetortException(CoreErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for the migration lock ("
					+ what + ")", ex);
		}
		catch (RetortException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new RetortException(CoreErrorCode.DATABASE_ERROR, "Could not take the migration lock (" + what + "): "
					+ ex.getMessage(), ex);
		}
	}

	static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis < 10_000) ? millis + " ms" : (millis / 1000) + " s";
	}
}
