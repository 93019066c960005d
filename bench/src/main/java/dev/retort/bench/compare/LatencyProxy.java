package dev.retort.bench.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay on the loopback that delays every chunk by half a round trip in each direction, so
 * that a local database behaves, for round trips, like one across a network (the database's own
 * work is unchanged). Order is kept; bandwidth is not limited. For the {@code postgres-remote}
 * database of {@link Compare}.
 */
final class LatencyProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final long oneWayNanos;

	LatencyProxy(String targetHost, int targetPort, double roundTripMs) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.oneWayNanos = (long) (roundTripMs * 1_000_000 / 2);
		daemon("latency-proxy-accept", this::acceptLoop);
	}

	/** The port clients connect to instead of the target's. */
	int port() {
		return this.server.getLocalPort();
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(this.targetHost, this.targetPort);
				client.setTcpNoDelay(true);
				target.setTcpNoDelay(true);
				relay(client, target);
				relay(target, client);
			}
			catch (IOException ex) {
				// Closed, or the target refused one connection: that client sees its socket fail.
			}
		}
	}

	/** One direction: a reader stamps each chunk with when it may leave, a writer waits for that. */
	private void relay(Socket from, Socket to) {
		record Chunk(long due, byte[] bytes) {
		}
		BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
		Chunk end = new Chunk(0, new byte[0]);
		daemon("latency-proxy-read", () -> {
			byte[] buffer = new byte[65536];
			try (InputStream in = from.getInputStream()) {
				int n;
				while ((n = in.read(buffer)) > 0) {
					queue.add(new Chunk(System.nanoTime() + this.oneWayNanos, Arrays.copyOf(buffer, n)));
				}
			}
			catch (IOException ex) {
				// The peer closed: pass the end on.
			}
			queue.add(end);
		});
		daemon("latency-proxy-write", () -> {
			try (OutputStream out = to.getOutputStream()) {
				while (true) {
					Chunk chunk = queue.take();
					if (chunk == end) {
						break;
					}
					// parkNanos, not sleep: Thread.sleep rounds to whole milliseconds on JDK 17.
					for (long wait = chunk.due() - System.nanoTime(); wait > 0; wait = chunk.due() - System.nanoTime()) {
						LockSupport.parkNanos(wait);
					}
					out.write(chunk.bytes());
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// The other side is gone.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		});
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}
}
