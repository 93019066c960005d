package dev.retort.autoconfigure;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RetortFailureAnalyzer} reports for each kind of engine error, given the exception as the
 * engine raises it (wrapped the way bean creation wraps it).
 */
class RetortFailureAnalyzerTests {

	private final RetortFailureAnalyzer analyzer = new RetortFailureAnalyzer();

	@Test
	void statementFailureNamesRevisionFileLineStatementAndDatabaseError() {
		SQLException sqlError = new SQLException("Table \"GADGETZ\" not found", "42S02", 42102);
		RetortException ex = RetortException.builder(CoreErrorCode.STATEMENT_FAILED,
				"Revision 0f0f0f0f0f02 failed: Table \"GADGETZ\" not found")
			.revision("0f0f0f0f0f02")
			.source("db/failing/0f0f0f0f0f02_broken.sql")
			.line(9)
			.statement("ALTER TABLE gadgetz ADD COLUMN colour VARCHAR(20)")
			.cause(sqlError)
			.build();
		FailureAnalysis analysis = analyze(ex);
		assertThat(analysis.getDescription()).contains("Error: STATEMENT_FAILED", "Revision: 0f0f0f0f0f02",
				"File: db/failing/0f0f0f0f0f02_broken.sql, line 9",
				"Statement: ALTER TABLE gadgetz ADD COLUMN colour VARCHAR(20)",
				"Database error: Table \"GADGETZ\" not found (SQL state 42S02, vendor code 42102)");
		assertThat(analysis.getAction()).contains("Fix the failing statement of revision 0f0f0f0f0f02",
				"db/failing/0f0f0f0f0f02_broken.sql line 9", "See STATEMENT_FAILED in docs/errors.md.");
	}

	@Test
	void multipleHeadsSuggestsHeadsTargetOrMerge() {
		FailureAnalysis analysis = analyze(new RetortException(CoreErrorCode.MULTIPLE_HEADS,
				"Multiple heads are present for given argument 'head'; 2222bbbb0002, 3333cccc0003"));
		assertThat(analysis.getDescription()).contains("MULTIPLE_HEADS", "2222bbbb0002, 3333cccc0003");
		assertThat(analysis.getAction()).contains("retort.target=heads", "label@head", "retort merge heads");
	}

	@Test
	void checksumMismatchSuggestsRestoreOrRepair() {
		FailureAnalysis analysis = analyze(RetortException.builder(CoreErrorCode.CHECKSUM_MISMATCH,
				"Revision b2c3d4e5f6a7 changed since it was applied")
			.revision("b2c3d4e5f6a7")
			.source("db/b2c3d4e5f6a7_x.sql")
			.build());
		assertThat(analysis.getDescription()).contains("CHECKSUM_MISMATCH", "Revision: b2c3d4e5f6a7",
				"File: db/b2c3d4e5f6a7_x.sql");
		assertThat(analysis.getAction()).contains("new revision", "retort repair");
	}

	@Test
	void unknownDatabaseRevisionAndLockTimeoutAndPendingHaveSpecificActions() {
		assertThat(analyze(RetortException.builder(CoreErrorCode.UNKNOWN_DATABASE_REVISION, "unknown")
			.revision("feedfacecafe")
			.build())
			.getAction()).contains("revision feedfacecafe", "retort stamp");
		assertThat(analyze(new RetortException(CoreErrorCode.LOCK_TIMEOUT, "lock not taken in PT1M")).getAction())
			.contains("retort.lock-timeout");
		assertThat(analyze(new RetortException(CoreErrorCode.PENDING_REVISIONS, "pending")).getAction())
			.contains("retort.on-startup=validate", "retort upgrade heads");
	}

	@Test
	void otherCodesGetGenericAnalysisWithTheirCode() {
		FailureAnalysis analysis = analyze(new RetortException(CoreErrorCode.DUPLICATE_REVISION,
				"Revision 1234 is declared twice"));
		assertThat(analysis.getDescription()).contains("DUPLICATE_REVISION", "declared twice");
		assertThat(analysis.getAction()).contains("See DUPLICATE_REVISION in docs/errors.md.");
	}

	@Test
	void passwordsAreMasked() {
		RetortException ex = new RetortException(CoreErrorCode.DATABASE_ERROR,
				"Cannot connect to jdbc:postgresql://db/app?user=ddl&password=s3cr3t! or //ddl:hunter2@db:5432/app",
				new SQLException("password=s3cr3t! rejected; pwd: hunter2"));
		FailureAnalysis analysis = analyze(ex);
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cr3t", "hunter2")
			.contains("password=******", "//ddl:******@db");
	}

	private FailureAnalysis analyze(RetortException ex) {
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("retortMigrationInitializer", "Invocation of init method failed", ex));
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
