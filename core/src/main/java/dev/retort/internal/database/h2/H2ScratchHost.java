package dev.retort.internal.database.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import dev.retort.internal.database.ScratchHost;

/**
 * H2's scratch databases: in-memory databases kept until shut down ({@code DB_CLOSE_DELAY=-1}),
 * with the application URL's compatibility settings ({@code MODE} and the case and null-ordering
 * rules), so the model's SQL is read as the application's database reads it. Nothing outlives the
 * process, so there are no leftovers to find.
 */
final class H2ScratchHost implements ScratchHost {

	/** H2 settings that decide how SQL is read, kept for the scratch databases. */
	private static final List<String> SETTINGS = List.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
			"CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING", "IGNORECASE");

	private final String url;

	H2ScratchHost(String url) {
		this.url = url;
	}

	@Override
	public String urlOf(String name) {
		StringBuilder scratch = new StringBuilder("jdbc:h2:mem:").append(name).append(";DB_CLOSE_DELAY=-1");
		String[] parts = this.url.split(";");
		for (int i = 1; i < parts.length; i++) {
			String key = parts[i].split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
			if (SETTINGS.contains(key)) {
				scratch.append(';').append(parts[i].strip());
			}
		}
		return scratch.toString();
	}

	@Override
	public void create(String name, Connector connector) {
		// Created by its first connection.
	}

	@Override
	public void drop(String name, Connector connector) throws SQLException {
		try (Connection c = connector.connect(urlOf(name)); Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		}
	}

	@Override
	public List<String> list(Connector connector) {
		return List.of();
	}

	@Override
	public String serverUrl() {
		return this.url;
	}

	@Override
	public String createAdvice() {
		return "nothing: H2's scratch databases are in memory";
	}
}
