package dev.retort.sample.notes;

import dev.retort.sample.domain.Notebook;
import dev.retort.sample.domain.NotebookRepository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes in the database, through {@link JdbcClient} (notebooks through Spring Data JPA). The schema is Retort's: see
 * {@code db/revisions}; this class only reads and writes rows.
 */
@Repository
public class NoteRepository {

	private static final String DEFAULT_NOTEBOOK = "Inbox";

	private static final String SELECT_NOTES = """
			SELECT n.id, n.slug, b.name AS notebook, n.title, n.body, n.created_at, n.archived_at
			FROM notes n JOIN notebooks b ON b.id = n.notebook_id
			""";

	private final JdbcClient jdbc;

	private final NotebookRepository notebooks;

	public NoteRepository(JdbcClient jdbc, NotebookRepository notebooks) {
		this.jdbc = jdbc;
		this.notebooks = notebooks;
	}

	/** Active notes, newest first, optionally only those carrying {@code tag}. */
	@Transactional(readOnly = true)
	public List<Note> findActive(@Nullable String tag) {
		List<NoteRow> rows;
		if (tag == null) {
			rows = this.jdbc.sql(SELECT_NOTES + " WHERE n.archived_at IS NULL ORDER BY n.created_at DESC, n.id DESC")
				.query(NoteRepository::mapRow)
				.list();
		}
		else {
			rows = this.jdbc.sql(SELECT_NOTES + """
					 WHERE n.archived_at IS NULL
					 AND n.id IN (SELECT note_id FROM active_note_tags WHERE tag = :tag)
					 ORDER BY n.created_at DESC, n.id DESC""").param("tag", tag).query(NoteRepository::mapRow).list();
		}
		return withTags(rows);
	}

	/** The note named {@code slug}, archived or not. */
	@Transactional(readOnly = true)
	public Optional<Note> findBySlug(String slug) {
		return this.jdbc.sql(SELECT_NOTES + " WHERE n.slug = :slug")
			.param("slug", slug)
			.query(NoteRepository::mapRow)
			.optional()
			.map((row) -> withTags(List.of(row)).get(0));
	}

	/** Tags with their number of active notes, by name. */
	@Transactional(readOnly = true)
	public List<TagCount> tagCounts() {
		return this.jdbc.sql("SELECT tag, COUNT(*) AS notes FROM active_note_tags GROUP BY tag ORDER BY tag")
			.query((rs, rowNum) -> new TagCount(rs.getString("tag"), rs.getLong("notes")))
			.list();
	}

	/** Notebook names, sorted. */
	@Transactional(readOnly = true)
	public List<String> notebooks() {
		return this.notebooks.findAllByOrderByNameAsc().stream().map(Notebook::getName).toList();
	}

	/** Stores a new note, creating its notebook and tags as needed; returns it as stored. */
	@Transactional
	public Note create(NewNote note) {
		long notebookId = notebookId((note.notebook() != null && !note.notebook().isBlank()) ? note.notebook().strip()
				: DEFAULT_NOTEBOOK);
		String slug = freeSlug(Slugs.of(note.title()));
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO notes (notebook_id, title, body, slug) VALUES (:notebook, :title, :body, :slug)")
			.param("notebook", notebookId)
			.param("title", note.title().strip())
			.param("body", (note.body() != null) ? note.body() : "")
			.param("slug", slug)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		if (note.tags() != null) {
			for (String tag : new TreeSet<>(note.tags().stream().map(String::strip).filter((t) -> !t.isEmpty()).toList())) {
				this.jdbc.sql("INSERT INTO note_tags (note_id, tag_id) VALUES (:note, :tag)")
					.param("note", id)
					.param("tag", tagId(tag))
					.update();
			}
		}
		return findBySlug(slug).orElseThrow();
	}

	/** Archives the note named {@code slug}; false if there is no such active note. */
	@Transactional
	public boolean archive(String slug) {
		return this.jdbc.sql("UPDATE notes SET archived_at = CURRENT_TIMESTAMP WHERE slug = :slug AND archived_at IS NULL")
			.param("slug", slug)
			.update() == 1;
	}

	private long notebookId(String name) {
		return idByName("notebooks", name);
	}

	private long tagId(String name) {
		return idByName("tags", name);
	}

	/** The id of the row named {@code name} in {@code table} (a constant, never user input), created if missing. */
	private long idByName(String table, String name) {
		Optional<Long> existing = this.jdbc.sql("SELECT id FROM " + table + " WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO " + table + " (name) VALUES (:name)").param("name", name).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private String freeSlug(String base) {
		String candidate = base;
		for (int suffix = 2; taken(candidate); suffix++) {
			candidate = base + "-" + suffix;
		}
		return candidate;
	}

	private boolean taken(String slug) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notes WHERE slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() > 0;
	}

	private List<Note> withTags(List<NoteRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> tags = new LinkedHashMap<>();
		rows.forEach((row) -> tags.put(row.id(), new ArrayList<>()));
		this.jdbc.sql("""
				SELECT nt.note_id, t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id
				WHERE nt.note_id IN (:ids) ORDER BY t.name""")
			.param("ids", List.copyOf(tags.keySet()))
			.query((rs) -> {
				tags.get(rs.getLong("note_id")).add(rs.getString("name"));
			});
		return rows.stream()
			.map((row) -> new Note(row.id(), row.slug(), row.notebook(), row.title(), row.body(), tags.get(row.id()),
					row.createdAt().toInstant(), (row.archivedAt() != null) ? row.archivedAt().toInstant() : null))
			.toList();
	}

	private static NoteRow mapRow(ResultSet rs, int rowNum) throws SQLException {
		return new NoteRow(rs.getLong("id"), rs.getString("slug"), rs.getString("notebook"), rs.getString("title"),
				rs.getString("body"), rs.getTimestamp("created_at"), rs.getTimestamp("archived_at"));
	}

	private record NoteRow(long id, String slug, String notebook, String title, String body, Timestamp createdAt,
			@Nullable Timestamp archivedAt) {

	}

}
