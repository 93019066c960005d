package dev.retort.hibernate.plain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The plain application's only entity. */
@Entity
public class Note {

	@Id
	private long id;

	private String noteText;

}
