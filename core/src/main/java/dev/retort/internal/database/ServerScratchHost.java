package dev.retort.internal.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;
import dev.retort.SecretMasker;

/**
 * Scratch databases on a database server ({@code CREATE DATABASE}/{@code DROP DATABASE}), reached
 * through an administration URL that is never the application's database: the URL's host and port
 * with another database (PostgreSQL's {@code postgres}, none on MariaDB/MySQL). The engines say
 * which database, how to list and what to do before dropping.
 */
public final class ServerScratchHost implements ScratchHost {

	private static final Pattern SERVER_URL = Pattern.compile("(jdbc:[a-z0-9]+://[^/?;]*)(?:/([^?;]*))?([?;].*)?");

	private final String url;

	private final String adminDatabase;

	private final String listSql;

	private final Function<String, List<String>> createStatements;

	private final Function<String, List<String>> dropStatements;

	private final String createAdvice;

	/**
	 * @param url a JDBC URL of the server (any database of it)
	 * @param adminDatabase the database connected to for creating, dropping and listing
	 * @param listSql the query listing the names of scratch databases
	 * @param dropStatements the statements dropping one (a validated scratch name)
	 * @param createAdvice what the user must be granted
	 */
	public ServerScratchHost(String url, String adminDatabase, String listSql,
			Function<String, List<String>> dropStatements, String createAdvice) {
		this(url, adminDatabase, listSql, (name) -> List.of("CREATE DATABASE " + name), dropStatements, createAdvice);
	}

	/**
	 * As the other constructor, with the statements creating one scratch database (a validated name),
	 * for engines that set it up further.
	 */
	public ServerScratchHost(String url, String adminDatabase, String listSql,
			Function<String, List<String>> createStatements, Function<String, List<String>> dropStatements,
			String createAdvice) {
		this.createStatements = createStatements;
		this.url = url;
		this.adminDatabase = adminDatabase;
		this.listSql = listSql;
		this.dropStatements = dropStatements;
		this.createAdvice = createAdvice;
	}

	@Override
	public String urlOf(String name) {
		return withDatabase(name);
	}

	@Override
	public void create(String name, Connector connector) throws SQLException {
		try (Connection c = connector.connect(serverUrl()); Statement s = c.createStatement()) {
			for (String sql : this.createStatements.apply(name)) {
				s.execute(sql);
			}
		}
	}

	@Override
	public void drop(String name, Connector connector) throws SQLException {
		try (Connection c = connector.connect(serverUrl()); Statement s = c.createStatement()) {
			for (String sql : this.dropStatements.apply(name)) {
				s.execute(sql);
			}
		}
	}

	@Override
	public List<String> list(Connector connector) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection c = connector.connect(serverUrl()); Statement s = c.createStatement();
				ResultSet rows = s.executeQuery(this.listSql)) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	@Override
	public String serverUrl() {
		return withDatabase(this.adminDatabase);
	}

	@Override
	public String createAdvice() {
		return this.createAdvice;
	}

	private String withDatabase(String database) {
		Matcher m = SERVER_URL.matcher(this.url);
		if (!m.matches()) {
			throw new RetortException(CoreErrorCode.SCRATCH_DATABASE_UNAVAILABLE, "Cannot read the scratch server URL "
					+ SecretMasker.PATTERNS_ONLY.mask(this.url) + "; set retort.scratchUrl (CLI: --scratch-url) to"
					+ " jdbc:postgresql://host:port/db or jdbc:mariadb://host:port/db");
		}
		return m.group(1) + "/" + database + ((m.group(3) != null) ? m.group(3) : "");
	}
}
