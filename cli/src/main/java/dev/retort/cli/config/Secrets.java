package dev.retort.cli.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Keeps passwords out of everything the CLI prints. */
public final class Secrets {

	/** What a password is replaced with. */
	public static final String MASK = "***";

	/** {@code password=...} in a query string or a property list ({@code ?}, {@code &} or {@code ;} separated). */
	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password|pwd)=[^&;]*");

	/** {@code //user:secret@host} in a URL's authority. */
	private static final Pattern USER_INFO = Pattern.compile("//([^/:@]*):[^/@]*@");

	private Secrets() {
	}

	/** The URL with every password (query parameter or user info) replaced by {@value #MASK}. */
	public static String maskUrl(String url) {
		String masked = PASSWORD_PARAMETER.matcher(url).replaceAll(
				(match) -> Matcher.quoteReplacement(match.group(1) + "=" + MASK));
		return USER_INFO.matcher(masked).replaceAll((match) -> Matcher.quoteReplacement("//" + match.group(1) + ":"
				+ MASK + "@"));
	}

	/** {@code text} with every occurrence of {@code password} replaced (for messages from drivers). */
	public static String redact(String text, @Nullable String password) {
		if (password == null || password.isEmpty()) {
			return text;
		}
		return text.replace(password, MASK);
	}
}
