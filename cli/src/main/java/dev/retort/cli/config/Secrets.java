package dev.retort.cli.config;

import org.jspecify.annotations.Nullable;

import dev.retort.SecretMasker;

/** Keeps passwords out of everything the CLI prints. */
public final class Secrets {

	/** What a password is replaced with. */
	public static final String MASK = SecretMasker.MASK;

	private Secrets() {
	}

	/** The URL with every password (query parameter or user info) replaced by {@value #MASK}. */
	public static String maskUrl(String url) {
		return SecretMasker.PATTERNS_ONLY.mask(url);
	}

	/** {@code text} with every occurrence of {@code password} replaced (for messages from drivers). */
	public static String redact(String text, @Nullable String password) {
		if (password == null || password.isEmpty()) {
			return text;
		}
		return text.replace(password, MASK);
	}
}
