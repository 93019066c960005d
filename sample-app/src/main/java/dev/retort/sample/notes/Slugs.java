package dev.retort.sample.notes;

import java.text.Normalizer;
import java.util.Locale;

/** URL names for notes: lower-case ASCII words joined by hyphens. */
public final class Slugs {

	private static final int MAX_LENGTH = 200;

	private Slugs() {
	}

	/** The slug of a title ({@code "Hello, World!"} gives {@code hello-world}); never empty. */
	public static String of(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "note" : slug;
	}

}
