package dev.retort.sample.revisions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.retort.Migration;
import dev.retort.Operations;
import dev.retort.Revision;

import org.springframework.stereotype.Component;

/**
 * Step two of expand/contract for {@code notes.slug}: the column was added nullable by
 * {@code 5d2f8c4a9e02}; this data migration fills it for existing notes; {@code 9e6c3f8b1a04} then makes
 * it NOT NULL. Written in Java because turning a title into a URL name is awkward in portable SQL.
 * <p>
 * The slug rule is copied here on purpose rather than calling the application's {@code Slugs}: a
 * revision must keep doing what it did when it was first applied, even after the application code
 * changes. As a Spring bean it could inject other beans, but not ones that wait for the migration
 * ({@code JdbcTemplate}, {@code JdbcClient}, JPA); the database is reached through {@code op}.
 */
@Component
@Revision(id = "7a4b1d6e3c03", revises = "5d2f8c4a9e02", message = "backfill notes.slug from titles")
public class BackfillNoteSlugs implements Migration {

	@Override
	public void upgrade(Operations op) throws Exception {
		List<Object[]> slugs = new ArrayList<>();
		Connection connection = op.connection();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT id, title FROM notes WHERE slug IS NULL ORDER BY id");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				long id = rows.getLong("id");
				slugs.add(new Object[] { slugOf(rows.getString("title")) + "-" + id, id });
			}
		}
		for (Object[] slug : slugs) {
			op.execute("UPDATE notes SET slug = ? WHERE id = ?", slug);
		}
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("UPDATE notes SET slug = NULL");
	}

	/** Lower-case ASCII words joined by hyphens, at most 200 characters. */
	private static String slugOf(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
		if (slug.length() > 200) {
			slug = slug.substring(0, 200).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "note" : slug;
	}

}
