package dev.retort.internal.schema;

import javax.sql.DataSource;

import dev.retort.RetortException;
import dev.retort.internal.execution.DriverManagerDataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two throwaway databases of one autogenerate or check run: {@link #current()} for the
 * revisions replayed, {@link #wanted()} for the model, named by {@link ScratchServer#reserve()} and
 * created by {@link #createCurrent()} and {@link #createWanted()}. {@link #close()} drops both
 * (whichever exist); a JVM shutdown hook (Ctrl-C, {@code System.exit}) drops them too, and is
 * removed after a normal close. Use in try-with-resources so a failing run drops them as well.
 */
public final class ScratchDatabases implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ScratchDatabases.class);

	private final ScratchServer server;

	private final String currentUrl;

	private final String wantedUrl;

	private final Thread shutdownHook;

	private boolean closed;

	ScratchDatabases(ScratchServer server, String currentUrl, String wantedUrl) {
		this.server = server;
		this.currentUrl = currentUrl;
		this.wantedUrl = wantedUrl;
		this.shutdownHook = new Thread(this::dropQuietly, "retort-scratch-cleanup");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Creates the database the revisions are replayed into (each side of a run creates its own).
	 * @throws RetortException {@link dev.retort.ErrorCode#SCRATCH_DATABASE_UNAVAILABLE} when it cannot
	 */
	public void createCurrent() {
		this.server.create(this.currentUrl);
	}

	/** Creates the database the model is created in; see {@link #createCurrent()}. */
	public void createWanted() {
		this.server.create(this.wantedUrl);
	}

	/** The database the revisions are replayed into. */
	public DataSource current() {
		return dataSource(this.currentUrl);
	}

	/** The database the model is created in. */
	public DataSource wanted() {
		return dataSource(this.wantedUrl);
	}

	/** The JDBC URL of {@link #current()}. */
	public String currentUrl() {
		return this.currentUrl;
	}

	/** The JDBC URL of {@link #wanted()}. */
	public String wantedUrl() {
		return this.wantedUrl;
	}

	private DataSource dataSource(String url) {
		return new DriverManagerDataSource(url, this.server.user(), this.server.password());
	}

	/**
	 * Drops both databases and removes the shutdown hook.
	 * @throws RetortException when a database cannot be dropped (after trying both)
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		@Nullable RetortException failure = drop();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down: the hook runs, and finds them dropped already.
		}
		if (failure != null) {
			throw failure;
		}
	}

	private synchronized void dropQuietly() {
		@Nullable RetortException failure = drop();
		if (failure != null) {
			logger.warn("{}", failure.getMessage());
		}
	}

	private @Nullable RetortException drop() {
		if (this.closed) {
			return null;
		}
		this.closed = true;
		// Both at once: dropping is the server's work.
		try {
			Concurrently.run("retort-scratch-drop", () -> {
				this.server.drop(this.currentUrl);
				return this.currentUrl;
			}, () -> {
				this.server.drop(this.wantedUrl);
				return this.wantedUrl;
			});
			return null;
		}
		catch (RetortException ex) {
			return ex;
		}
	}

	@Override
	public String toString() {
		return "scratch databases " + this.server.masked(this.currentUrl) + ", " + this.server.masked(this.wantedUrl);
	}
}
