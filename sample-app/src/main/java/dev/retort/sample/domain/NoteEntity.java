package dev.retort.sample.domain;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.jspecify.annotations.Nullable;

/**
 * A stored note (the API's value is {@link dev.retort.sample.notes.Note}). The mapping states the
 * schema the revisions build: {@code retort:check} fails when the two part ways.
 */
@Entity
@Table(name = "notes", indexes = @Index(name = "ux_notes_slug", columnList = "slug", unique = true))
public class NoteEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "notebook_id", nullable = false)
	private @Nullable Notebook notebook;

	@Column(nullable = false, length = 200)
	private String title = "";

	@Column(nullable = false, length = 4000)
	@ColumnDefault("''")
	private String body = "";

	@Column(nullable = false, insertable = false, updatable = false)
	@ColumnDefault("CURRENT_TIMESTAMP")
	private @Nullable LocalDateTime createdAt;

	@Column(nullable = false, length = 220)
	private String slug = "";

	private @Nullable LocalDateTime archivedAt;

	@ManyToMany
	@JoinTable(name = "note_tags", joinColumns = @JoinColumn(name = "note_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new LinkedHashSet<>();

	protected NoteEntity() {
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public @Nullable Notebook getNotebook() {
		return this.notebook;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	public @Nullable LocalDateTime getCreatedAt() {
		return this.createdAt;
	}

	public String getSlug() {
		return this.slug;
	}

	public @Nullable LocalDateTime getArchivedAt() {
		return this.archivedAt;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}
}
