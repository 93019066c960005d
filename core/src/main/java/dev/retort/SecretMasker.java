package dev.retort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in text Retort prints, returns or logs (CLI output, Actuator responses, failure
 * reports): the configured passwords wherever they
 * appear, {@code password=...} parameters and the password of {@code user:password@} URL user info.
 * Database drivers sometimes echo the URL in their messages, and a URL may carry the password.
 */
public final class SecretMasker {

	/** What a credential is replaced with. */
	public static final String MASK = "******";

	/** A masker for patterns only (no known secrets). */
	public static final SecretMasker PATTERNS_ONLY = new SecretMasker(List.of());

	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("(?i)(password|passwd|pwd)(\\s*[=:]\\s*)([^;&\\s,)'\"]+)");

	private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]+:)([^@/\\s]+)(@)");

	private final List<String> secrets;

	private SecretMasker(List<String> secrets) {
		this.secrets = secrets;
	}

	/**
	 * A masker for the given secrets (blank and {@code null} entries are ignored).
	 * @param secrets the passwords to mask
	 * @return the masker
	 */
	public static SecretMasker of(Collection<? extends @Nullable String> secrets) {
		List<String> known = new ArrayList<>();
		for (String secret : secrets) {
			if (secret != null && !secret.isBlank() && !known.contains(secret)) {
				known.add(secret);
			}
		}
		// Longest first, so a secret containing another is masked whole.
		known.sort(Comparator.comparingInt(String::length).reversed());
		return new SecretMasker(List.copyOf(known));
	}

	/**
	 * Returns {@code text} with every credential masked.
	 * @param text the text
	 * @return the masked text
	 */
	public String mask(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String masked = text;
		for (String secret : this.secrets) {
			masked = masked.replace(secret, MASK);
		}
		masked = PASSWORD_PARAMETER.matcher(masked).replaceAll("$1$2" + MASK);
		return URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "$3");
	}

}
