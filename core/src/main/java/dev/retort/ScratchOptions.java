package dev.retort;

import org.jspecify.annotations.Nullable;

/**
 * The scratch server autogenerate and check create their two throwaway databases on (never the
 * application's database): PostgreSQL or MariaDB/MySQL by any JDBC URL of the server (the user must
 * be allowed to create databases), or an H2 URL whose mode and settings the in-memory scratch
 * databases take.
 *
 * @param url a JDBC URL of the server; only the server (host, port, settings) is used
 * @param user the user, or {@code null} when in the URL
 * @param password the password, or {@code null}; never printed
 */
public record ScratchOptions(String url, @Nullable String user, @Nullable String password) {

	/** A scratch server by URL alone. */
	public static ScratchOptions of(String url) {
		return new ScratchOptions(url, null, null);
	}

	@Override
	public String toString() {
		return "ScratchOptions[url=" + SecretMasker.of(java.util.Collections.singletonList(this.password)).mask(this.url)
				+ ", user=" + this.user + "]";
	}
}
