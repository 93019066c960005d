package dev.retort.autoconfigure;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.SecretMasker;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link RetortException} that stopped startup into Boot's "APPLICATION FAILED TO START"
 * report: what failed (code, revision, file, line, statement, database error) and what to do about
 * it. Credentials never appear: anything that looks like a password in a URL or message is masked.
 */
class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {

	private static final String OTHER_ACTION = "Fix the revisions or configuration named above and restart.";

	/** Statements longer than this are cut in the report; the file has the rest. */
	private static final int MAX_STATEMENT_LENGTH = 600;

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
		return new FailureAnalysis(describe(cause), action(cause), cause);
	}

	private String describe(RetortException ex) {
		StringBuilder description = new StringBuilder("Retort could not migrate the database.\n\n");
		line(description, "Error", ex.code().name());
		line(description, "Reason", ex.getMessage());
		line(description, "Revision", ex.revision());
		if (ex.source() != null) {
			line(description, "File", (ex.line() > 0) ? ex.source() + ", line " + ex.line() : ex.source());
		}
		String statement = ex.statement();
		if (statement != null) {
			String shown = (statement.length() > MAX_STATEMENT_LENGTH)
					? statement.substring(0, MAX_STATEMENT_LENGTH) + " [...]" : statement;
			line(description, "Statement", shown.strip());
		}
		SQLException sqlException = findSqlException(ex);
		if (sqlException != null) {
			line(description, "Database error", sqlException.getMessage() + " (SQL state "
					+ sqlException.getSQLState() + ", vendor code " + sqlException.getErrorCode() + ")");
		}
		else if (ex.getCause() != null && ex.getCause() != ex) {
			line(description, "Caused by", ex.getCause().toString());
		}
		return mask(description.toString().stripTrailing());
	}

	private static void line(StringBuilder description, String label, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			description.append("    ").append(label).append(": ").append(value.replace("\n", "\n        ")).append('\n');
		}
	}

	private String action(RetortException ex) {
		String revision = (ex.revision() != null) ? "revision " + ex.revision() : "the revision";
		String file = (ex.source() != null) ? ex.source() + ((ex.line() > 0) ? " line " + ex.line() : "") : null;
		String where = (file != null) ? revision + " (" + file + ")" : revision;
		// docs/errors.md lists every code in tables grouped by phase, with its cause and fix.
		String docs = " See " + ex.code().name() + " in docs/errors.md.";
		String action = (ex.code() instanceof CoreErrorCode code) ? action(code, revision, where) : OTHER_ACTION;
		return mask(action + docs);
	}

	private static String action(CoreErrorCode code, String revision, String where) {
		return switch (code) {
			case STATEMENT_FAILED -> "Fix the failing statement of " + where + " and restart. Revisions before it"
					+ " are committed. Of this revision, PostgreSQL rolls a transactional revision back as a whole,"
					+ " while H2 and MySQL/MariaDB commit DDL as it runs (and a non-transactional revision keeps"
					+ " what ran): the reason above says what remains; undo it by hand before restarting.";
			case MIGRATION_FAILED -> "Fix the Java code of " + where
					+ ": it threw (see 'Caused by' above). Restart once it runs cleanly.";
			case MULTIPLE_HEADS -> "The revisions have several heads but one was asked for (retort.target or a"
					+ " 'head' target). Set retort.target=heads to upgrade every branch, name one branch with"
					+ " 'label@head', or join the heads with a merge revision ('retort merge heads -m \"merge\"').";
			case CHECKSUM_MISMATCH -> "The file of " + where + " changed after it was applied to this database."
					+ " Restore it as it was applied and put the change into a new revision ('retort revision -m"
					+ " ...'). If the edit is harmless on purpose (a comment, formatting), record the new checksum"
					+ " with 'retort repair'. retort.validate-checksums=false skips the check, which is not"
					+ " recommended.";
			case UNKNOWN_DATABASE_REVISION -> "The database is at " + revision + ", which this application's"
					+ " revisions do not contain. If a revision file is missing from retort.locations, restore it."
					+ " If the database was migrated by a newer release or another branch of the code, deploy"
					+ " that code (or downgrade the database with it). If the revision was removed on purpose,"
					+ " 'retort stamp --purge' the database to the revision it really is at.";
			case PENDING_REVISIONS -> "retort.on-startup=validate requires the database at the code's heads."
					+ " Upgrade it first ('retort upgrade heads', or start once with retort.on-startup=upgrade),"
					+ " or deploy the code that matches the database.";
			case LOCK_TIMEOUT -> "Another migrator held the migration lock for longer than retort.lock-timeout"
					+ " (another instance starting, or the CLI). Let it finish and restart, or raise"
					+ " retort.lock-timeout. A lock left by a crashed run is released by the database"
					+ " (session lock) or expires on its own (lock row).";
			case INTERRUPTED_REVISION -> "An earlier run died in the middle of " + where + ", whose statements"
					+ " commit as they go; the reason above lists the statements that may have committed. Undo them"
					+ " by hand and run 'retort resolve <revision> --rolled-back', or complete the revision by hand"
					+ " and run 'retort resolve <revision> --applied'; then restart. See \"After a crash\" in"
					+ " docs/operations.md.";
			case IRREVERSIBLE_REVISION -> revision + " has no downgrade; choose a target above it or write its"
					+ " downgrade section.";
			case NO_DATABASE, DATABASE_ERROR -> "Check the database Retort migrates: spring.datasource.* or"
					+ " retort.url/retort.user/retort.password, and that the server is reachable.";
			case INVALID_IDENTIFIER, INVALID_CONFIGURATION -> "Check the retort.* properties (version-table,"
					+ " history-table, schema, target, locations).";
			case LOCATION_NOT_FOUND -> "Check retort.locations: each location must exist"
					+ " ('classpath:db/revisions' by default).";
			case UNKNOWN_REVISION, AMBIGUOUS_PREFIX, UNKNOWN_BRANCH, RELATIVE_OUT_OF_RANGE ->
				"Check retort.target: it must name one revision, branch or 'heads' of this application.";
			default -> OTHER_ACTION;
		};
	}

	private static @Nullable SQLException findSqlException(Throwable ex) {
		Throwable candidate = ex;
		while (candidate != null) {
			if (candidate instanceof SQLException sqlException) {
				return sqlException;
			}
			candidate = (candidate.getCause() != candidate) ? candidate.getCause() : null;
		}
		return null;
	}

	/** Masks passwords in JDBC URLs and key/value text, so a report can be pasted anywhere. */
	static String mask(String text) {
		return SecretMasker.PATTERNS_ONLY.mask(text);
	}

}
