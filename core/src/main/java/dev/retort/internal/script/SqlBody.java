package dev.retort.internal.script;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * The parsed body of a SQL revision.
 *
 * @param source where the file was read from, for error messages
 * @param upgradeSections the {@code -- +upgrade} sections in file order (at least one)
 * @param downgradeSections the {@code -- +downgrade} sections in file order, or {@code null} if
 * the file has none (the revision is irreversible)
 */
public record SqlBody(String source, List<SqlSection> upgradeSections,
		@Nullable List<SqlSection> downgradeSections) implements ScriptBody {

	public SqlBody {
		upgradeSections = List.copyOf(upgradeSections);
		downgradeSections = (downgradeSections != null) ? List.copyOf(downgradeSections) : null;
	}

	/**
	 * The upgrade statements to run on {@code dialect} ({@code postgresql}, {@code h2},
	 * {@code mysql}, {@code mariadb}): the generic sections' statements and those of the sections
	 * restricted to this dialect, in file order. May be empty (a revision whose only upgrade section
	 * is for another database, or a merge revision).
	 */
	public List<SqlStatement> upgradeStatements(String dialect) {
		return statementsFor(this.upgradeSections, dialect);
	}

	/**
	 * The downgrade statements to run on {@code dialect}, in file order.
	 * @throws RetortException {@link CoreErrorCode#IRREVERSIBLE_REVISION} if
	 * {@link #reversible(String)} is false for this dialect
	 */
	public List<SqlStatement> downgradeStatements(String dialect) {
		if (!reversible(dialect)) {
			throw RetortException.builder(CoreErrorCode.IRREVERSIBLE_REVISION,
					this.source + " has no -- +downgrade section" + (this.downgradeSections == null ? ""
							: " for dialect " + dialect) + "; it cannot be downgraded")
				.source(this.source)
				.build();
		}
		return statementsFor(this.downgradeSections, dialect);
	}

	/** Whether the file has any {@code -- +downgrade} section. */
	@Override
	public boolean reversible() {
		return this.downgradeSections != null;
	}

	/**
	 * Whether the revision can be downgraded on {@code dialect}: it has a generic
	 * {@code -- +downgrade} section or one listing this dialect.
	 */
	public boolean reversible(String dialect) {
		if (this.downgradeSections == null) {
			return false;
		}
		return this.downgradeSections.stream().anyMatch((section) -> section.appliesTo(dialect));
	}

	private static List<SqlStatement> statementsFor(@Nullable List<SqlSection> sections, String dialect) {
		List<SqlStatement> result = new ArrayList<>();
		if (sections != null) {
			for (SqlSection section : sections) {
				if (section.appliesTo(dialect)) {
					result.addAll(section.statements());
				}
			}
		}
		return List.copyOf(result);
	}
}
