package dev.retort.internal.schema;

/**
 * A child JVM for {@link ScratchServerTest}: creates scratch databases, prints their URLs and exits
 * without closing them, as a run cut short by Ctrl-C or {@code System.exit} would.
 */
public final class ScratchExitMain {

	private ScratchExitMain() {
	}

	public static void main(String[] args) {
		ScratchDatabases scratch = new ScratchServer(args[0], args[1], args[2].isEmpty() ? null : args[2]).reserve();
		scratch.createCurrent();
		scratch.createWanted();
		System.out.println("CURRENT " + scratch.currentUrl());
		System.out.println("WANTED " + scratch.wantedUrl());
		System.out.flush();
		System.exit(3);
	}
}
