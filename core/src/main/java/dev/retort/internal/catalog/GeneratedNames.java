package dev.retort.internal.catalog;

import java.util.regex.Pattern;

/**
 * Names made up rather than chosen, so that such objects are matched by structure. Each engine's
 * catalog reader knows its own numbering ({@code CONSTRAINT_xx} on H2, {@code <table>_ibfk_N} on
 * MariaDB/MySQL, {@code <table>_pkey} on PostgreSQL) and asks {@link #isHibernate} for the names
 * Hibernate hashes; a reader marks an engine-numbered name with
 * {@link TableObject#generatedName()} and, where creating it elsewhere could clash, names it with
 * {@link #isSequential}'s patterns.
 */
public final class GeneratedNames {

	/** Hibernate's hashed names: a prefix and 25 or more base-35 characters. */
	private static final Pattern HIBERNATE = Pattern.compile("(?i)(FK|UK|IDX|PK)[0-9a-z]{25,}");

	/**
	 * Names an engine numbers in order: H2's {@code CONSTRAINT_xx}/{@code SYS_IDX_...} (and HSQLDB's
	 * {@code SYS_} names H2 modes may show), MariaDB/MySQL's {@code CONSTRAINT_N}/{@code <table>_ibfk_N}.
	 */
	private static final Pattern SEQUENTIAL = Pattern.compile("(?i)(CONSTRAINT_[0-9A-F]+(_[0-9]+)?"
			+ "|CONSTRAINT_INDEX_[0-9A-F]+|PRIMARY_KEY_[0-9A-F]+|SYS_[A-Z_]*[0-9]+|.+_ibfk_[0-9]+)");

	private GeneratedNames() {
	}

	/** Whether Hibernate made the name up (a hash of the table and columns). */
	public static boolean isHibernate(String name) {
		return HIBERNATE.matcher(name).matches();
	}

	/**
	 * Whether the name is numbered by the engine, so that creating the object elsewhere under the
	 * same name could clash: such a name is replaced by a made-up stable one when the object is added.
	 */
	public static boolean isSequential(String name) {
		return SEQUENTIAL.matcher(name).matches();
	}
}
