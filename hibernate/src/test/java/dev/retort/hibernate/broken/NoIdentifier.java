package dev.retort.hibernate.broken;

import jakarta.persistence.Entity;

/** Hibernate rejects an entity without an identifier. */
@Entity
public class NoIdentifier {

	private String name;

}
