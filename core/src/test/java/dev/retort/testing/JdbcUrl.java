package dev.retort.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server JDBC URL of the form {@code jdbc:<kind>://host:port/db?user=u&password=p}, split so a
 * sibling database's URL can be made.
 */
record JdbcUrl(String prefix, String database, String query, String user, String password) {

	private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/]+/)([^?]*)(\\?.*)?");

	static JdbcUrl parse(String url) {
		Matcher m = URL.matcher(url);
		if (!m.matches()) {
			throw new IllegalArgumentException("Unsupported test server URL (want jdbc:kind://host:port/db?user=...): "
					+ url.replaceAll("password=[^&]*", "password=****"));
		}
		String query = (m.group(3) != null) ? m.group(3) : "";
		return new JdbcUrl(m.group(1), m.group(2), query, param(query, "user"), param(query, "password"));
	}

	private static String param(String query, String name) {
		Matcher m = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(query);
		return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "";
	}

	String withDatabase(String name) {
		return this.prefix + name + this.query;
	}

	String masked() {
		return (this.prefix + this.database + this.query).replaceAll("password=[^&]*", "password=****");
	}
}
