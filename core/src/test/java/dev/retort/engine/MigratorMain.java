package dev.retort.engine;

import java.time.Duration;

import dev.retort.MigrationResult;
import dev.retort.Retort;
import dev.retort.RetortException;

/**
 * A migrator run in a child JVM by the multi-process tests:
 * {@code MigratorMain <jdbc-url> <user> <password> <location> <target> <lock-timeout-seconds>}.
 * Prints {@code OK <steps run>} and exits 0, or prints the error code and exits 1.
 */
public final class MigratorMain {

	private MigratorMain() {
	}

	public static void main(String[] args) {
		String url = args[0];
		String user = args[1];
		String password = args[2];
		try {
			Retort retort = Retort.configure()
				.dataSource(url, user, password)
				.locations(args[3])
				.lockTimeout(Duration.ofSeconds(Long.parseLong(args[5])))
				.actor("child-" + ProcessHandle.current().pid())
				.load();
			MigrationResult result = retort.upgrade(args[4]);
			System.out.println("OK " + result.steps().size());
			System.exit(0);
		}
		catch (RetortException ex) {
			System.out.println("ERROR " + ex.describe());
			System.exit(1);
		}
	}
}
