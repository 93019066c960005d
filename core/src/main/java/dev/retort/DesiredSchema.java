package dev.retort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.retort.internal.script.SqlStatement;
import dev.retort.internal.script.SqlStatementSplitter;

import org.jspecify.annotations.Nullable;

/**
 * The schema the revisions must arrive at, for {@link Retort#checkModel} and
 * {@link Retort#autogenerate}: DDL statements run, in order, in an empty scratch database. Each
 * statement keeps where it came from ({@code model.sql:12}), so a failing one is named by file and
 * line. The statements are written for the scratch server's engine.
 */
public final class DesiredSchema {

	/**
	 * One statement of the model.
	 * @param sql the statement, without terminator
	 * @param origin where it came from: {@code file:line}, or {@code <statements>#n}
	 */
	public record Statement(String sql, String origin) {
	}

	/**
	 * Writes the model's statements for the scratch database it is given (its engine and version),
	 * as a JPA model's create script does. Called once, with a connection to the empty database the
	 * model is created in.
	 */
	@FunctionalInterface
	public interface Generator {

		/** The statements, for the engine and version of {@code scratch}. */
		List<String> statements(Connection scratch) throws SQLException;
	}

	private final List<Statement> statements;

	private final @Nullable Generator generator;

	private final String source;

	private DesiredSchema(List<Statement> statements) {
		this.statements = List.copyOf(statements);
		this.generator = null;
		this.source = "";
	}

	private DesiredSchema(String source, Generator generator) {
		this.statements = List.of();
		this.generator = generator;
		this.source = source;
	}

	/**
	 * A model whose statements are written for the scratch database (a JPA model's create script for
	 * the scratch engine and version); {@code source} names them in errors ({@code source#n}).
	 */
	public static DesiredSchema generated(String source, Generator generator) {
		return new DesiredSchema(source, generator);
	}

	/** Whether the statements are generated for the scratch database (a JPA model) rather than given. */
	public boolean isGenerated() {
		return this.generator != null;
	}

	/**
	 * The statements for a scratch database: the given ones, or the generator's for its engine.
	 * @throws SQLException when the generator cannot read the connection
	 */
	public List<Statement> statementsFor(Connection scratch) throws SQLException {
		if (this.generator == null) {
			return this.statements;
		}
		return ofStatements(this.generator.statements(scratch), this.source).statements;
	}

	/** A model given as statements (from a JPA model's create script, for example), one statement each. */
	public static DesiredSchema ofStatements(List<String> statements) {
		return ofStatements(statements, "<statements>");
	}

	/** A model given as statements; {@code source} names them in errors ({@code source#n}). */
	public static DesiredSchema ofStatements(List<String> statements, String source) {
		List<Statement> list = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			list.add(new Statement(statements.get(i), source + "#" + (i + 1)));
		}
		return new DesiredSchema(list);
	}

	/**
	 * A model given as a DDL script, split into statements as revision files are ({@code ;} ends a
	 * statement; comments, quotes and dollar quotes respected).
	 * @throws RetortException {@link CoreErrorCode#MODEL_SCRIPT_FAILED} when the file cannot be read, or the
	 * splitter's error naming the file and line
	 */
	public static DesiredSchema ofScript(Path script) {
		String text;
		try {
			text = Files.readString(script, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new RetortException(CoreErrorCode.MODEL_SCRIPT_FAILED, "Cannot read model script " + script + ": " + ex, ex);
		}
		String source = script.toString();
		List<Statement> list = new ArrayList<>();
		for (SqlStatement statement : SqlStatementSplitter.split(text, source, 1,
				SqlStatementSplitter.Syntax.STANDARD)) {
			list.add(new Statement(statement.sql(), source + ":" + statement.line()));
		}
		return new DesiredSchema(list);
	}

	/** The statements, in order (empty for a {@link #generated} model until it has a scratch database). */
	public List<Statement> statements() {
		return this.statements;
	}
}
