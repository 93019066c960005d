package dev.retort.sample.notes;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The notes API: {@code GET /notes[?tag=]}, {@code GET /notes/{slug}}, {@code POST /notes},
 * {@code POST /notes/{slug}/archive}, {@code GET /tags}, {@code GET /notebooks}.
 */
@RestController
public class NoteController {

	private final NoteRepository notes;

	public NoteController(NoteRepository notes) {
		this.notes = notes;
	}

	@GetMapping("/notes")
	public List<Note> list(@RequestParam(required = false) @Nullable String tag) {
		return this.notes.findActive(tag);
	}

	@GetMapping("/notes/{slug}")
	public Note get(@PathVariable String slug) {
		return this.notes.findBySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No note " + slug));
	}

	@PostMapping("/notes")
	public ResponseEntity<Note> create(@RequestBody NewNote note) {
		if (note.title() == null || note.title().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A note needs a title");
		}
		Note created = this.notes.create(note);
		return ResponseEntity.created(URI.create("/notes/" + created.slug())).body(created);
	}

	@PostMapping("/notes/{slug}/archive")
	public ResponseEntity<Void> archive(@PathVariable String slug) {
		if (!this.notes.archive(slug)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No active note " + slug);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/tags")
	public List<TagCount> tags() {
		return this.notes.tagCounts();
	}

	@GetMapping("/notebooks")
	public List<String> notebooks() {
		return this.notes.notebooks();
	}

}
