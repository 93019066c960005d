package dev.retort.bench.compare;

/**
 * What is measured: {@code apply} (all {@code size} migrations on a fresh database), {@code noop}
 * (the startup check with nothing pending), {@code status} (where the database stands).
 *
 * @param kind apply, noop or status
 * @param size number of migrations
 */
public record Scenario(Kind kind, int size) {

	/** The three kinds of work. */
	public enum Kind {

		APPLY, NOOP, STATUS
	}

	/** Parses {@code apply-1000}. */
	public static Scenario parse(String text) {
		int dash = text.indexOf('-');
		return new Scenario(Kind.valueOf(text.substring(0, dash).toUpperCase()),
				Integer.parseInt(text.substring(dash + 1)));
	}

	/** Whether the database must be at the latest migration before the measured call. */
	public boolean needsMigratedDatabase() {
		return this.kind != Kind.APPLY;
	}

	/** Runs the measured call. */
	public Object run(Contender contender, String url, Workload work) {
		return (this.kind == Kind.STATUS) ? contender.status(url, work) : contender.migrate(url, work);
	}

	@Override
	public String toString() {
		return this.kind.name().toLowerCase() + "-" + this.size;
	}
}
